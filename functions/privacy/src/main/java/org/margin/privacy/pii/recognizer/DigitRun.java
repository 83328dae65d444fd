package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.text.Chars;
import org.margin.privacy.pii.text.ScanText;

/**
 * A run of digit groups joined by single separators ({@code 4111 1111 1111 1111}, {@code 078-05-1120}), read
 * from a start position. One instance is reused across a scan so that reading allocates nothing.
 */
final class DigitRun {

    static final int MAX_GROUPS = 8;

    private final String separators;
    private final int maxDigits;
    private final int[] groupLengths = new int[MAX_GROUPS];
    private final char[] digits;
    private int groups;
    private int digitCount;
    private int end;
    private boolean consistentSeparator;
    private char separator;

    DigitRun(String separators, int maxDigits) {
        this.separators = separators;
        this.maxDigits = maxDigits;
        this.digits = new char[maxDigits];
    }

    /** What a recognizer does with one whole run; {@code start} is the index of its first digit. */
    @FunctionalInterface
    interface Visitor {
        void visit(DigitRun run, int start);
    }

    /**
     * Reads every run of the text that stands alone (no digit just before or after it) and has at most
     * {@code maxDigits} digits, and hands it to {@code visitor}. Each run is read once, from its first group: the
     * later groups of {@code 4111 1111 1111 1111} are not read again as runs of their own.
     */
    void forEachRun(ScanText scan, Visitor visitor) {
        String text = scan.text();
        int consumed = 0;
        for (int n = 0; n < scan.numberCount(); n++) {
            int start = scan.numberStart(n);
            if (start < consumed || !Chars.digitBoundaryBefore(text, start)) {
                continue;
            }
            read(text, start);
            if (!overflow() && Chars.digitBoundaryAfter(text, end)) {
                visitor.visit(this, start);
            }
            consumed = end;
        }
    }

    /**
     * Reads groups from {@code start}; stops before a separator that is not followed by a digit, after
     * {@link #MAX_GROUPS} groups, or once more than {@code maxDigits} digits were seen (then {@link #overflow()}).
     */
    DigitRun read(CharSequence text, int start) {
        groups = 0;
        digitCount = 0;
        consistentSeparator = true;
        separator = 0;
        int i = start;
        int length = text.length();
        while (true) {
            int groupStart = i;
            while (i < length && Chars.isDigit(text.charAt(i))) {
                if (digitCount < maxDigits) {
                    digits[digitCount] = text.charAt(i);
                }
                digitCount++;
                i++;
            }
            groupLengths[groups++] = i - groupStart;
            end = i;
            if (digitCount > maxDigits || groups == MAX_GROUPS || i + 1 >= length) {
                return this;
            }
            char c = text.charAt(i);
            if (separators.indexOf(c) < 0 || !Chars.isDigit(text.charAt(i + 1))) {
                return this;
            }
            if (separator == 0) {
                separator = c;
            } else if (separator != c) {
                consistentSeparator = false;
            }
            i++;
        }
    }

    boolean overflow() {
        return digitCount > maxDigits;
    }

    int end() {
        return end;
    }

    int groups() {
        return groups;
    }

    int groupLength(int group) {
        return groupLengths[group];
    }

    int digitCount() {
        return digitCount;
    }

    char digit(int index) {
        return digits[index];
    }

    /** The digits as a number, for runs of at most nine digits. */
    int value(int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + Chars.digitValue(digits[i]);
        }
        return value;
    }

    boolean consistentSeparator() {
        return consistentSeparator;
    }
}
