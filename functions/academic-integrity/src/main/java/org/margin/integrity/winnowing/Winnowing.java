package org.margin.integrity.winnowing;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.margin.integrity.text.NormalisedText;
import org.margin.integrity.text.Normaliser;
import org.margin.integrity.text.Units;

/**
 * A text's fingerprints: normalise, hash every k-gram of units, winnow with window {@code w}. In word mode the
 * text's distinct words are taken as well, for the word-overlap score.
 *
 * @param normaliser what a unit is and what is dropped
 * @param k          units per k-gram: no match shorter than this is ever found
 * @param w          hashes per window: every match of at least {@code w + k - 1} units is found
 */
public record Winnowing(Normaliser normaliser, int k, int w) {

    /** Keeps word hashes apart from k-gram hashes (a one-word k-gram would otherwise hash alike). */
    private static final long WORD_SALT = 0x5DEECE66DL;

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
        return new TextFingerprints(new TextFingerprints.Entries(count, hashes, positions, starts, ends),
                normaliser.units() == Units.WORDS ? words(units) : TextFingerprints.Entries.NONE);
    }

    /** Each distinct word once, at its first position, hashed apart from the k-grams. */
    private static TextFingerprints.Entries words(NormalisedText units) {
        Map<Long, Integer> firsts = new HashMap<>(units.length() * 2);
        long[] hashes = new long[units.length()];
        int[] positions = new int[units.length()];
        int count = 0;
        for (int unit = 0; unit < units.length(); unit++) {
            long hash = KGramHashes.mix(units.code(unit) ^ WORD_SALT);
            if (firsts.putIfAbsent(hash, unit) == null) {
                hashes[count] = hash;
                positions[count] = unit;
                count++;
            }
        }
        int[] starts = new int[count];
        int[] ends = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = units.start(positions[i]);
            ends[i] = units.end(positions[i]);
        }
        return new TextFingerprints.Entries(count, hashes, positions, starts, ends);
    }
}
