package org.margin.integrity.winnowing;

import java.util.Objects;

import org.margin.integrity.text.NormalisedText;
import org.margin.integrity.text.Normaliser;
import org.margin.integrity.text.Units;

/**
 * A text's fingerprints: normalise, hash every k-gram of units, winnow with window {@code w}.
 *
 * @param normaliser what a unit is and what is dropped
 * @param k          units per k-gram: no match shorter than this is ever found
 * @param w          hashes per window: every match of at least {@code w + k - 1} units is found
 */
public record Winnowing(Normaliser normaliser, int k, int w) {

    /** Words without stop words, two to a k-gram, windows of four: see the module's README for why. */
    public static Winnowing prose() {
        return new Winnowing(new Normaliser(Units.WORDS, true), 2, 4);
    }

    public Winnowing {
        Objects.requireNonNull(normaliser, "normaliser");
        if (k < 1 || w < 1) {
            throw new IllegalArgumentException("k and w must be at least 1");
        }
    }

    /** Shared matches of at least this many units are guaranteed to be found. */
    public int guaranteeThreshold() {
        return w + k - 1;
    }

    public TextFingerprints fingerprint(CharSequence text) {
        NormalisedText units = normaliser.normalise(text);
        long[] kgrams = KGramHashes.of(units, k);
        int[] positions = new int[kgrams.length];
        int count = Winnower.select(kgrams, w, positions);
        long[] hashes = new long[count];
        int[] starts = new int[count];
        int[] ends = new int[count];
        for (int i = 0; i < count; i++) {
            int position = positions[i];
            hashes[i] = kgrams[position];
            starts[i] = units.start(position);
            ends[i] = units.end(position + k - 1);
        }
        return new TextFingerprints(count, hashes, positions, starts, ends);
    }
}
