package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Chars;
import org.margin.privacy.pii.text.ScanText;

/** E-mail addresses: a local part, an at sign and a domain with at least one dot and an alphabetic top level. */
public final class EmailRecognizer implements Recognizer {

    private static final double SCORE = 0.95;

    @Override
    public String name() {
        return "email";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        String text = scan.text();
        int at = text.indexOf('@');
        while (at >= 0) {
            int start = at;
            while (start > 0 && isLocalChar(text.charAt(start - 1))) {
                start--;
            }
            while (start < at && text.charAt(start) == '.') {
                start++;
            }
            int end = domainEnd(text, at + 1);
            if (start < at && end > 0 && text.charAt(at - 1) != '.') {
                sink.accept(new Finding(start, end, EntityType.EMAIL_ADDRESS, SCORE, name()));
            }
            at = text.indexOf('@', Math.max(at + 1, end));
        }
    }

    /** End of a valid domain starting at {@code from}, or -1. */
    static int domainEnd(String text, int from) {
        int i = from;
        int lastDot = -1;
        int labelLength = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Chars.isAsciiAlphanumeric(c) || c == '-') {
                labelLength++;
            } else if (c == '.' && labelLength > 0 && i + 1 < text.length()
                    && Chars.isAsciiAlphanumeric(text.charAt(i + 1))) {
                lastDot = i;
                labelLength = 0;
            } else {
                break;
            }
            i++;
        }
        while (i > from && text.charAt(i - 1) == '-') {
            i--;
        }
        if (lastDot < 0 || i - lastDot - 1 < 2) {
            return -1;
        }
        for (int j = lastDot + 1; j < i; j++) {
            if (!Chars.isAsciiLetter(text.charAt(j))) {
                return -1;
            }
        }
        return i;
    }

    private static boolean isLocalChar(char c) {
        return Chars.isAsciiAlphanumeric(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
                || c == '\'';
    }
}
