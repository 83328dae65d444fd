package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Chars;
import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;
import org.margin.privacy.pii.text.Words;

/**
 * US driver's licence numbers. The fifty states use some thirty formats that between them match most codes
 * of 5 to 20 letters and digits, so a candidate (at least four digits, optionally a leading letter group, parts
 * joined by dashes or spaces) is reported only within a few words after a cue such as "driver's license".
 */
public final class UsDriverLicenseRecognizer implements Recognizer {

    private static final double SCORE = 0.9;
    private static final int MAX_LENGTH = 20;

    private static final Phrases CUES = Phrases.of(
            "driver license", "drivers license", "driver licence", "drivers licence", "driving license",
            "driving licence", "dl", "license number", "licence number", "license no",
            "licence no", "dl number", "dl no", "license id", "licence id");

    @Override
    public String name() {
        return "us-driver-license";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        Words words = scan.words();
        String text = scan.text();
        for (int w = 0; w < words.count(); w++) {
            if (!words.hasDigit(w) || !Chars.isAsciiAlphanumeric(text.charAt(words.start(w)))) {
                continue;
            }
            int start = words.start(w);
            int end = candidateEnd(text, start);
            if (end > 0 && Context.precedes(scan, start, CUES, 5)) {
                sink.accept(new Finding(start, end, EntityType.US_DRIVER_LICENSE, SCORE, name()));
                w = words.firstAtOrAfter(end) - 1;
            }
        }
    }

    private static int candidateEnd(String text, int start) {
        int i = start;
        int digits = 0;
        int characters = 0;
        while (i < text.length() && characters <= MAX_LENGTH) {
            char c = text.charAt(i);
            if (Chars.isDigit(c)) {
                digits++;
                characters++;
                i++;
            } else if (Chars.isAsciiLetter(c)) {
                characters++;
                i++;
            } else if ((c == '-' || c == ' ') && i + 1 < text.length() && Chars.isDigit(text.charAt(i + 1))
                    && Chars.isAsciiAlphanumeric(text.charAt(i - 1))) {
                i++;
            } else {
                break;
            }
        }
        if (characters < 5 || characters > MAX_LENGTH || digits < 4 || !Chars.boundaryAfter(text, i)) {
            return -1;
        }
        return i;
    }
}
