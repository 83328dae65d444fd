package org.margin.analysis.text;

/**
 * Counts paragraphs. Students paste prose in two shapes: one paragraph per line (word processors), or lines
 * wrapped by hand with blank lines between paragraphs (plain-text editors). So when a blank line separates
 * two non-blank lines, paragraphs are the blocks between blank lines; otherwise every non-blank line is one.
 */
public final class Paragraphs {

    private Paragraphs() {
    }

    public static int count(String text) {
        int nonBlankLines = 0;
        int blocks = 0;
        boolean previousLineBlank = true;
        boolean lineBlank = true;
        int length = text.length();
        for (int i = 0; i <= length; ) {
            int codePoint = i < length ? text.codePointAt(i) : '\n';
            if (isLineBreak(codePoint)) {
                if (!lineBlank) {
                    nonBlankLines++;
                    if (previousLineBlank) {
                        blocks++;
                    }
                }
                previousLineBlank = lineBlank;
                lineBlank = true;
                if (codePoint == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (!CharacterClasses.isSpace(codePoint)) {
                lineBlank = false;
            }
            i += i < length ? Character.charCount(codePoint) : 1;
        }
        return blocks > 1 ? blocks : nonBlankLines;
    }

    private static boolean isLineBreak(int codePoint) {
        return codePoint == '\n' || codePoint == '\r' || codePoint == 0x85 || codePoint == 0x2028
                || codePoint == 0x2029;
    }
}
