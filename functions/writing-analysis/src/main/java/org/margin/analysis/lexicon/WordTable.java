package org.margin.analysis.lexicon;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An immutable map from words to non-negative ints, probed with a slice of a char array so that looking up
 * a word of the text never builds a {@code String}. Open addressing with linear probing at a load of at most
 * one half keeps probes short; the keys live in one shared char array. A table is built once, when the
 * module is built, and shipped in its serialised form, which loads with a few bulk copies.
 */
public final class WordTable {

    /** What {@link #get} answers for a word that is not in the table. */
    public static final int ABSENT = -1;

    /** Marks the serialised form, so that a table from another layout is refused instead of misread. */
    private static final int FORMAT = 0x4D57_5401;

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

    /** Bytes that {@link #writeTo} needs. */
    public int serializedSize() {
        return 7 * Integer.BYTES + keyChars.length * Character.BYTES
                + (keyBounds.length + values.length + slots.length) * Integer.BYTES;
    }

    /** Writes the table at the buffer's position, in the buffer's byte order. */
    public void writeTo(ByteBuffer out) {
        out.putInt(FORMAT).putInt(size).putInt(longestKey);
        out.putInt(keyChars.length);
        out.asCharBuffer().put(keyChars);
        out.position(out.position() + keyChars.length * Character.BYTES);
        putInts(out, keyBounds);
        putInts(out, values);
        putInts(out, slots);
    }

    /**
     * Reads a table written by {@link #writeTo}, from the buffer's position on, in the buffer's byte order.
     *
     * @throws IllegalStateException if the bytes are not such a table
     */
    public static WordTable readFrom(ByteBuffer in, String what) {
        try {
            if (in.getInt() != FORMAT) {
                throw new IllegalStateException(what + " is not a word table of this version");
            }
            int size = in.getInt();
            int longestKey = in.getInt();
            char[] keyChars = new char[in.getInt()];
            in.asCharBuffer().get(keyChars);
            in.position(in.position() + keyChars.length * Character.BYTES);
            int[] keyBounds = getInts(in);
            int[] values = getInts(in);
            int[] slots = getInts(in);
            if (Integer.bitCount(slots.length) != 1 || keyBounds.length != values.length + 1 || size > values.length) {
                throw new IllegalStateException(what + " has inconsistent word table sections");
            }
            return new WordTable(keyChars, keyBounds, values, slots, size, longestKey);
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new IllegalStateException(what + " is truncated or corrupt", e);
        }
    }

    private static void putInts(ByteBuffer out, int[] ints) {
        out.putInt(ints.length);
        out.asIntBuffer().put(ints);
        out.position(out.position() + ints.length * Integer.BYTES);
    }

    private static int[] getInts(ByteBuffer in) {
        int[] ints = new int[in.getInt()];
        in.asIntBuffer().get(ints);
        in.position(in.position() + ints.length * Integer.BYTES);
        return ints;
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
