package org.margin.analysis.lexicon;

import java.util.Arrays;

/**
 * An immutable map from words to non-negative ints, probed with a slice of a char array so that looking up
 * a word of the text never builds a {@code String}. Open addressing with linear probing at a load of at most
 * one half keeps probes short; the keys live in one shared char array.
 */
public final class WordTable {

    /** What {@link #get} answers for a word that is not in the table. */
    public static final int ABSENT = -1;

    private final char[] keyChars;
    private final int[] keyBounds;
    private final int[] values;
    private final int[] slots;
    private final int mask;
    private final int size;
    private final int longestKey;

    private WordTable(char[] keyChars, int[] keyBounds, int[] values, int[] slots, int size, int longestKey) {
        this.keyChars = keyChars;
        this.keyBounds = keyBounds;
        this.values = values;
        this.slots = slots;
        this.mask = slots.length - 1;
        this.size = size;
        this.longestKey = longestKey;
    }

    /** The value stored for {@code chars[offset, offset + length)}, or {@link #ABSENT}. */
    public int get(char[] chars, int offset, int length) {
        int slot = WordHash.of(chars, offset, length) & mask;
        while (true) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return ABSENT;
            }
            int keyStart = keyBounds[entry];
            if (WordHash.equal(keyChars, keyStart, keyBounds[entry + 1] - keyStart, chars, offset, length)) {
                return values[entry];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The value stored for {@code word}, or {@link #ABSENT}; for callers off the hot path. */
    public int get(String word) {
        return get(word.toCharArray(), 0, word.length());
    }

    public boolean contains(char[] chars, int offset, int length) {
        return get(chars, offset, length) != ABSENT;
    }

    /** Number of distinct words. */
    public int size() {
        return size;
    }

    /** Length, in UTF-16 units, of the longest word. */
    public int longestKey() {
        return longestKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects words; when a word is added twice, the first value stays. */
    public static final class Builder {

        private char[] chars = new char[4096];
        private int charCount;
        private int[] bounds = new int[1025];
        private int[] values = new int[1024];
        private int count;

        private Builder() {
        }

        /** Adds the ASCII word {@code source[from, to)}. */
        public Builder add(byte[] source, int from, int to, int value) {
            requireValue(value);
            ensureRoom(to - from);
            for (int i = from; i < to; i++) {
                byte b = source[i];
                if (b < 0) {
                    throw new IllegalArgumentException("word list entries must be ASCII; byte " + i + " is not");
                }
                chars[charCount++] = (char) b;
            }
            return endEntry(value);
        }

        public Builder add(String word, int value) {
            requireValue(value);
            ensureRoom(word.length());
            word.getChars(0, word.length(), chars, charCount);
            charCount += word.length();
            return endEntry(value);
        }

        public WordTable build() {
            int capacity = Integer.highestOneBit(Math.max(2, count) * 2) * 2;
            int[] slots = new int[capacity];
            int tableMask = capacity - 1;
            int distinct = 0;
            int longest = 0;
            for (int entry = 0; entry < count; entry++) {
                int start = bounds[entry];
                int length = bounds[entry + 1] - start;
                int slot = WordHash.of(chars, start, length) & tableMask;
                boolean duplicate = false;
                while (slots[slot] != 0) {
                    int other = slots[slot] - 1;
                    int otherStart = bounds[other];
                    if (WordHash.equal(chars, otherStart, bounds[other + 1] - otherStart, chars, start, length)) {
                        duplicate = true;
                        break;
                    }
                    slot = (slot + 1) & tableMask;
                }
                if (!duplicate) {
                    slots[slot] = entry + 1;
                    distinct++;
                    longest = Math.max(longest, length);
                }
            }
            return new WordTable(Arrays.copyOf(chars, charCount), Arrays.copyOf(bounds, count + 1),
                    Arrays.copyOf(values, count), slots, distinct, longest);
        }

        private static void requireValue(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("word table values must be non-negative, got " + value);
            }
        }

        private void ensureRoom(int wordLength) {
            if (charCount + wordLength > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charCount + wordLength));
            }
            if (count + 1 >= values.length) {
                values = Arrays.copyOf(values, values.length * 2);
                bounds = Arrays.copyOf(bounds, values.length + 1);
            }
        }

        private Builder endEntry(int value) {
            values[count] = value;
            bounds[++count] = charCount;
            return this;
        }
    }
}
