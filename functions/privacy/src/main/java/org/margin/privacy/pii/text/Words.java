package org.margin.privacy.pii.text;

import java.util.Arrays;

/**
 * The words of a text as parallel arrays of offsets and shape flags, computed in one pass.
 *
 * <p>A word is a run of letters, digits and combining marks; an apostrophe joins two runs of letters
 * (O'Brien, don't) except before a final possessive s. Everything else, hyphens included, separates words, so
 * that a hyphenated surname yields one word per part.
 */
public final class Words {

    private static final int HAS_LETTER = 1;
    private static final int HAS_DIGIT = 1 << 1;
    private static final int UPPER_INITIAL = 1 << 2;
    private static final int ALL_UPPER = 1 << 3;
    private static final int ALL_LOWER = 1 << 4;
    private static final int SENTENCE_START = 1 << 5;
    private static final int LINE_START = 1 << 6;

    /** Abbreviations after whose full stop a sentence goes on. */
    private static final WordSet NON_TERMINAL_ABBREVIATIONS = WordSet.of(
            "mr", "mrs", "ms", "mx", "dr", "prof", "st", "jr", "sr", "no", "nr", "apt", "ave", "rd", "vs", "etc",
            "mt", "ft", "gen", "col", "capt", "lt", "sgt", "rev", "hon", "sen", "rep", "gov", "pres", "ul", "av");

    private final String text;
    private int[] starts;
    private int[] ends;
    private int[] flags;
    private int count;

    private Words(String text) {
        this.text = text;
        int capacity = Math.max(16, text.length() / 5);
        this.starts = new int[capacity];
        this.ends = new int[capacity];
        this.flags = new int[capacity];
    }

    public static Words of(String text) {
        Words words = new Words(text);
        words.split();
        return words;
    }

    private void split() {
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            int shape = 0;
            boolean upperSeen = false;
            boolean lowerSeen = false;
            while (i < length) {
                c = text.charAt(i);
                if (c < 128) {
                    if (c >= 'a' && c <= 'z') {
                        shape |= HAS_LETTER;
                        lowerSeen = true;
                        i++;
                        continue;
                    }
                    if (c >= 'A' && c <= 'Z') {
                        shape |= HAS_LETTER;
                        upperSeen = true;
                        i++;
                        continue;
                    }
                    if (c >= '0' && c <= '9') {
                        shape |= HAS_DIGIT;
                        i++;
                        continue;
                    }
                }
                if (Character.isLetter(c)) {
                    shape |= HAS_LETTER;
                    if (Character.isUpperCase(c) || Character.isTitleCase(c)) {
                        upperSeen = true;
                    } else if (Character.isLowerCase(c)) {
                        lowerSeen = true;
                    }
                    i++;
                } else if (c >= '0' && c <= '9' || Character.isDigit(c)) {
                    shape |= HAS_DIGIT;
                    i++;
                } else if (Character.getType(c) == Character.NON_SPACING_MARK) {
                    i++;
                } else if ((c == '\'' || c == '\u2019') && joinsApostrophe(i)) {
                    i++;
                } else {
                    break;
                }
            }
            char first = text.charAt(start);
            if (Character.isUpperCase(first) || Character.isTitleCase(first)) {
                shape |= UPPER_INITIAL;
            }
            if ((shape & HAS_LETTER) != 0) {
                if (upperSeen && !lowerSeen) {
                    shape |= ALL_UPPER;
                } else if (lowerSeen && !upperSeen) {
                    shape |= ALL_LOWER;
                }
            }
            add(start, i, shape | boundaryFlags(start));
            if (isPossessive(i)) {
                i += 2;
            }
        }
    }

    private boolean joinsApostrophe(int at) {
        return at > 0 && at + 1 < text.length() && Character.isLetter(text.charAt(at - 1))
                && Character.isLetter(text.charAt(at + 1)) && !isPossessive(at);
    }

    /** An apostrophe and a final s after a letter (John's, it's), which is left out of the words. */
    private boolean isPossessive(int at) {
        int length = text.length();
        if (at == 0 || at + 1 >= length || !Character.isLetter(text.charAt(at - 1))) {
            return false;
        }
        char apostrophe = text.charAt(at);
        char next = text.charAt(at + 1);
        return (apostrophe == '\'' || apostrophe == '\u2019') && (next == 's' || next == 'S')
                && (at + 2 >= length || !Character.isLetterOrDigit(text.charAt(at + 2)));
    }

    private int boundaryFlags(int start) {
        int i = start - 1;
        boolean newline = false;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                newline = true;
            } else if (!Character.isWhitespace(c) && !isOpening(c)) {
                break;
            }
            i--;
        }
        if (i < 0) {
            return SENTENCE_START | LINE_START;
        }
        if (newline) {
            return SENTENCE_START | LINE_START;
        }
        char c = text.charAt(i);
        if (c == '!' || c == '?') {
            return SENTENCE_START;
        }
        if (c == '.' && count > 0) {
            int previous = count - 1;
            boolean abbreviation = ends[previous] == i
                    && (ends[previous] - starts[previous] == 1
                    || NON_TERMINAL_ABBREVIATIONS.contains(text, starts[previous], ends[previous]));
            return abbreviation ? 0 : SENTENCE_START;
        }
        return c == '.' ? SENTENCE_START : 0;
    }

    private static boolean isOpening(char c) {
        return c == '"' || c == '\'' || c == '(' || c == '[' || c == '\u201c' || c == '\u2018' || c == '-'
                || c == '*' || c == '\u2022';
    }

    static boolean isWordChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return Character.isLetterOrDigit(c);
    }

    private void add(int start, int end, int shape) {
        if (count == starts.length) {
            int capacity = count * 2;
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
            flags = Arrays.copyOf(flags, capacity);
        }
        starts[count] = start;
        ends[count] = end;
        flags[count] = shape;
        count++;
    }

    public String text() {
        return text;
    }

    public int count() {
        return count;
    }

    public int start(int word) {
        return starts[word];
    }

    public int end(int word) {
        return ends[word];
    }

    public int length(int word) {
        return ends[word] - starts[word];
    }

    public boolean hasLetter(int word) {
        return (flags[word] & HAS_LETTER) != 0;
    }

    public boolean hasDigit(int word) {
        return (flags[word] & HAS_DIGIT) != 0;
    }

    public boolean isNumber(int word) {
        return (flags[word] & (HAS_DIGIT | HAS_LETTER)) == HAS_DIGIT;
    }

    public boolean isAlphabetic(int word) {
        return (flags[word] & (HAS_DIGIT | HAS_LETTER)) == HAS_LETTER;
    }

    /** Starts with an upper-case letter and has lower-case ones after it (Smith, McCray). */
    public boolean isCapitalized(int word) {
        return (flags[word] & (UPPER_INITIAL | ALL_UPPER | HAS_DIGIT)) == UPPER_INITIAL;
    }

    public boolean isUpperInitial(int word) {
        return (flags[word] & UPPER_INITIAL) != 0;
    }

    public boolean isAllUpper(int word) {
        return (flags[word] & ALL_UPPER) != 0;
    }

    public boolean isAllLower(int word) {
        return (flags[word] & ALL_LOWER) != 0;
    }

    /** First word of the text, of a line, or after a full stop, question or exclamation mark. */
    public boolean isSentenceStart(int word) {
        return (flags[word] & SENTENCE_START) != 0;
    }

    public boolean isLineStart(int word) {
        return (flags[word] & LINE_START) != 0;
    }

    public boolean in(int word, WordSet set) {
        return set.contains(text, starts[word], ends[word]);
    }

    public boolean is(int word, String lowerCaseWord) {
        int length = ends[word] - starts[word];
        if (length != lowerCaseWord.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (WordSet.fold(text.charAt(starts[word] + i)) != lowerCaseWord.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether only characters from {@code allowed} (and nothing else) lie between two words. */
    public boolean onlyBetween(int left, int right, String allowed) {
        for (int i = ends[left]; i < starts[right]; i++) {
            if (allowed.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether nothing but spaces or tabs lie between two words. */
    public boolean spaceBetween(int left, int right) {
        for (int i = ends[left]; i < starts[right]; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\u00a0') {
                return false;
            }
        }
        return true;
    }

    /** Index of the first word that starts at or after {@code offset}, or {@link #count()}. */
    public int firstAtOrAfter(int offset) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Index of the last word that ends at or before {@code offset}, or -1. */
    public int lastEndingAtOrBefore(int offset) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low - 1;
    }
}
