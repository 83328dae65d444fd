package org.margin.integrity.winnowing;

import org.margin.integrity.text.NormalisedText;

/**
 * Karp-Rabin rolling hashes of every k-gram of a unit sequence: the hash of units {@code i..i+k-1} is
 * {@code Σ code(i+j)·B^(k-1-j)} modulo 2^64, each next one from the last in constant time. The sum is then mixed
 * (a bijection, so collisions stay as rare) so that the minimum of a window is as good as a random pick, which
 * winnowing's density argument assumes.
 */
public final class KGramHashes {

    /** An odd multiplier with well-spread bits, so that powers modulo 2^64 do not collapse. */
    private static final long BASE = 0x9E3779B97F4A7C15L;

    private KGramHashes() {
    }

    /** The hashes of the text's k-grams, one per start position; empty when the text has fewer than k units. */
    public static long[] of(NormalisedText text, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        int count = text.length() - k + 1;
        if (count <= 0) {
            return new long[0];
        }
        long[] hashes = new long[count];
        long leadingPower = 1;
        for (int j = 1; j < k; j++) {
            leadingPower *= BASE;
        }
        long rolling = 0;
        for (int j = 0; j < k; j++) {
            rolling = rolling * BASE + text.code(j);
        }
        hashes[0] = mix(rolling);
        for (int i = 1; i < count; i++) {
            rolling = (rolling - text.code(i - 1) * leadingPower) * BASE + text.code(i + k - 1);
            hashes[i] = mix(rolling);
        }
        return hashes;
    }

    /** MurmurHash3's 64-bit finaliser. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
