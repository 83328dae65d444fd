package org.margin.analysis.lexicon.compile;

import java.nio.charset.StandardCharsets;

/**
 * Finds the data in the npm packages' JavaScript modules without evaluating any JavaScript: each package keeps
 * its words as plain string literals after a known marker.
 */
final class JsLiterals {

    private JsLiterals() {
    }

    /** Receives one string literal, as the byte range between its quotes. */
    @FunctionalInterface
    interface Visitor {
        void literal(byte[] source, int start, int end);
    }

    /** The index just past the first occurrence of the ASCII {@code marker} in {@code source}. */
    static int indexAfter(byte[] source, String marker, String what) {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0, last = source.length - needle.length; i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (source[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i + needle.length;
        }
        throw new IllegalStateException(what + " does not contain '" + marker + "'; has its format changed?");
    }

    /** The index of the first {@code b} at or after {@code from}. */
    static int indexOf(byte[] source, byte b, int from, String what) {
        for (int i = from; i < source.length; i++) {
            if (source[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException(what + " has no '" + (char) b + "' after byte " + from);
    }

    /**
     * Visits, in order, each single- or double-quoted string literal in {@code source[from, to)}, and answers
     * how many there were. Escapes never occur in these files, so one is taken as a sign of a changed format.
     */
    static int forEach(byte[] source, int from, int to, String what, Visitor visitor) {
        int literals = 0;
        int i = from;
        while (i < to) {
            byte quote = source[i];
            if (quote != '"' && quote != '\'') {
                i++;
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < to && source[end] != quote) {
                if (source[end] == '\\' || source[end] == '\n') {
                    throw new IllegalStateException(what + ": unexpected escape or line break in a literal at byte "
                            + end);
                }
                end++;
            }
            if (end == to) {
                throw new IllegalStateException(what + ": unterminated literal at byte " + i);
            }
            visitor.literal(source, start, end);
            literals++;
            i = end + 1;
        }
        return literals;
    }
}
