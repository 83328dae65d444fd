package org.margin.privacy.pii.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * An immutable, case-insensitive set of words that answers for a range of a string without copying it.
 *
 * <p>All words share one {@code char[]}; an open-addressing table holds their indices. A gazetteer of 200,000
 * names costs about 2 MB this way, against about 20 MB as a {@code HashSet<String>}, and a lookup allocates
 * nothing, which matters on the scanning hot path.
 */
public final class WordSet {

    private final char[] pool;
    private final int[] offsets;
    private final int[] table;
    private final int mask;
    private final int minLength;
    private final int maxLength;
    /** Bit {@code fold(c) & 63} is set for the first character c of some word: most misses stop here. */
    private final long firstChars;

    private WordSet(char[] pool, int[] offsets, int[] table) {
        this.pool = pool;
        this.offsets = offsets;
        this.table = table;
        this.mask = table.length - 1;
        int min = Integer.MAX_VALUE;
        int max = 0;
        long first = 0;
        for (int word = 0; word + 1 < offsets.length; word++) {
            int length = offsets[word + 1] - offsets[word];
            min = Math.min(min, length);
            max = Math.max(max, length);
            if (length > 0) {
                first |= 1L << (fold(pool[offsets[word]]) & 63);
            }
        }
        this.minLength = min;
        this.maxLength = max;
        this.firstChars = first;
    }

    public static WordSet of(String... words) {
        return of(Arrays.asList(words));
    }

    public static WordSet of(List<String> words) {
        StringBuilder pool = new StringBuilder();
        int[] offsets = new int[words.size() + 1];
        int count = 0;
        for (String word : words) {
            offsets[count++] = pool.length();
            pool.append(word);
        }
        offsets[count] = pool.length();
        return build(pool.toString().toCharArray(), offsets, count);
    }

    /** Reads a gzip-compressed UTF-8 resource of one word a line, next to {@code anchor}'s package. */
    public static WordSet fromGzipResource(Class<?> anchor, String resource) {
        try (InputStream raw = anchor.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("word list missing from the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
            StringBuilder pool = new StringBuilder(1 << 21);
            int[] offsets = new int[1 << 14];
            int count = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                if (count + 1 >= offsets.length) {
                    offsets = Arrays.copyOf(offsets, offsets.length * 2);
                }
                offsets[count++] = pool.length();
                pool.append(line);
            }
            offsets[count] = pool.length();
            char[] chars = new char[pool.length()];
            pool.getChars(0, pool.length(), chars, 0);
            return build(chars, Arrays.copyOf(offsets, count + 1), count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }

    private static WordSet build(char[] pool, int[] offsets, int count) {
        int capacity = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
        int[] table = new int[capacity];
        int mask = capacity - 1;
        for (int word = 0; word < count; word++) {
            int from = offsets[word];
            int to = offsets[word + 1];
            int slot = hash(pool, from, to) & mask;
            while (true) {
                int occupant = table[slot];
                if (occupant == 0) {
                    table[slot] = word + 1;
                    break;
                }
                if (sameWord(pool, offsets[occupant - 1], offsets[occupant], pool, from, to)) {
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
        return new WordSet(pool, offsets, table);
    }

    public boolean contains(CharSequence word) {
        return contains(word, 0, word.length());
    }

    /** Whether {@code text[from, to)} is in the set, ignoring case and treating ’ as '. */
    public boolean contains(CharSequence text, int from, int to) {
        int length = to - from;
        if (length < minLength || length > maxLength || length <= 0
                || (firstChars & (1L << (fold(text.charAt(from)) & 63))) == 0) {
            return false;
        }
        int hash = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            hash = (hash ^ fold(text.charAt(i))) * 0x01000193;
        }
        int slot = mix(hash) & mask;
        while (true) {
            int occupant = table[slot];
            if (occupant == 0) {
                return false;
            }
            int start = offsets[occupant - 1];
            int end = offsets[occupant];
            if (end - start == to - from && matches(start, text, from, to - from)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
    }

    public int size() {
        return offsets.length - 1;
    }

    private boolean matches(int poolStart, CharSequence text, int from, int length) {
        for (int i = 0; i < length; i++) {
            if (fold(pool[poolStart + i]) != fold(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameWord(char[] a, int aFrom, int aTo, char[] b, int bFrom, int bTo) {
        if (aTo - aFrom != bTo - bFrom) {
            return false;
        }
        for (int i = 0; i < aTo - aFrom; i++) {
            if (fold(a[aFrom + i]) != fold(b[bFrom + i])) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] chars, int from, int to) {
        int hash = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            hash = (hash ^ fold(chars[i])) * 0x01000193;
        }
        return mix(hash);
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }

    /**
     * Lower case, and Latin letters without their diacritics: names are written both ways (Sofía, Sofia; Jørgen,
     * Jorgen), and the word lists hold one or the other.
     */
    static char fold(char c) {
        if (c < 128) {
            return (c >= 'A' && c <= 'Z') ? (char) (c + 32) : c;
        }
        return foldBeyondAscii(c);
    }

    private static char foldBeyondAscii(char c) {
        if (c < LatinFolds.END) {
            return LatinFolds.TABLE[c];
        }
        return c == '\u2019' ? '\'' : Character.toLowerCase(c);
    }

    /**
     * The folds of the characters below {@link #END}, made once: Latin-1 and Latin Extended-A and -B hold the
     * European letters with diacritics, Latin Extended Additional the Vietnamese ones (ệ, ố).
     */
    private static final class LatinFolds {

        static final char END = '\u1f00';
        static final char[] TABLE = table();

        private static char[] table() {
            char[] folds = new char[END];
            for (char c = 0; c < END; c++) {
                char lower = Character.toLowerCase(c);
                char base = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD).charAt(0);
                folds[c] = base < 128 && Character.isLetter(base) ? base : switch (lower) {
                    case '\u00f8' -> 'o';
                    case '\u0111' -> 'd';
                    case '\u0142' -> 'l';
                    case '\u0131' -> 'i';
                    default -> lower;
                };
            }
            return folds;
        }
    }

}
