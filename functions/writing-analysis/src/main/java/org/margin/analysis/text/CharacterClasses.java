package org.margin.analysis.text;

/**
 * The character classes that decide what is a word and what separates words. They follow Python's Unicode
 * {@code \w} and {@code str.isspace()}, because the readability figures are meant to agree with textstat,
 * which counts with those.
 */
public final class CharacterClasses {

    private static final int NEXT_LINE = 0x85;

    private CharacterClasses() {
    }

    /** A letter, a digit or other number, or the underscore. Combining marks are not word characters. */
    public static boolean isWordCharacter(int codePoint) {
        if (codePoint < 0x80) {
            return (codePoint >= 'a' && codePoint <= 'z')
                    || (codePoint >= 'A' && codePoint <= 'Z')
                    || (codePoint >= '0' && codePoint <= '9')
                    || codePoint == '_';
        }
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** White space, including no-break spaces and the information separators U+001C to U+001F. */
    public static boolean isSpace(int codePoint) {
        if (codePoint < 0x80) {
            return codePoint == ' '
                    || (codePoint >= '\t' && codePoint <= '\r')
                    || (codePoint >= 0x1C && codePoint <= 0x1F);
        }
        return codePoint == NEXT_LINE || Character.isSpaceChar(codePoint) || Character.isWhitespace(codePoint);
    }

    /** Whether {@code text} holds nothing but white space. */
    public static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (!isSpace(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
