package org.margin.privacy.pii.text;

/** Character tests shared by the hand-written scanners. */
public final class Chars {

    private Chars() {
    }

    public static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    public static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    public static boolean isAsciiAlphanumeric(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    public static boolean isHexDigit(char c) {
        return isDigit(c) || (c | 0x20) >= 'a' && (c | 0x20) <= 'f';
    }

    /** Nothing word-like touches {@code index} from the left. */
    public static boolean boundaryBefore(CharSequence text, int index) {
        return index == 0 || !Character.isLetterOrDigit(text.charAt(index - 1));
    }

    /** Nothing word-like touches {@code index} from the right. */
    public static boolean boundaryAfter(CharSequence text, int index) {
        return index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }

    /** A digit-free neighbourhood, so that a match is not the middle of a longer number. */
    public static boolean digitBoundaryBefore(CharSequence text, int index) {
        if (index == 0) {
            return true;
        }
        char c = text.charAt(index - 1);
        if (isDigit(c) || Character.isLetter(c)) {
            return false;
        }
        return !((c == '.' || c == '-' || c == ',') && index >= 2 && isDigit(text.charAt(index - 2)));
    }

    public static boolean digitBoundaryAfter(CharSequence text, int index) {
        if (index >= text.length()) {
            return true;
        }
        char c = text.charAt(index);
        if (isDigit(c) || Character.isLetter(c)) {
            return false;
        }
        return !((c == '.' || c == '-' || c == ',') && index + 1 < text.length() && isDigit(text.charAt(index + 1)));
    }

    public static int digitValue(char c) {
        return c - '0';
    }
}
