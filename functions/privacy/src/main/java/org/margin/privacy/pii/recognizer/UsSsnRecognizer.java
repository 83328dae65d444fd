package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;

/**
 * US social security numbers, {@code AAA-GG-SSSS} with dashes, spaces or dots, or nine bare digits, that the
 * Social Security Administration could have issued: area not 000, 666 or 900-999; group not 00; serial not 0000;
 * not a number known to be void (the 078-05-1120 wallet card, advertising numbers, repeated digits).
 *
 * <p>Nine bare digits are as likely an order or student number, so they need a context word to be reported.
 */
public final class UsSsnRecognizer implements Recognizer {

    private static final double SEPARATED_SCORE = 0.6;
    private static final double BARE_SCORE = 0.3;
    private static final double CONTEXT_BOOST = 0.35;

    private static final Phrases CONTEXT = Phrases.of(
            "ssn", "ssns", "social security", "social security number", "social security no", "social sec",
            "ss number", "ss no", "social", "security number", "ssn number", "tax id", "tin");

    @Override
    public String name() {
        return "us-ssn";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        new DigitRun("- .", 9).forEachRun(scan, (run, start) -> {
            if (run.digitCount() != 9) {
                return;
            }
            double score = shapeScore(run);
            if (score > 0 && isIssuable(run)) {
                if (Context.precedes(scan, start, CONTEXT, 4)) {
                    score = Math.min(1.0, score + CONTEXT_BOOST);
                }
                sink.accept(new Finding(start, run.end(), EntityType.US_SSN, score, name()));
            }
        });
    }

    private static double shapeScore(DigitRun run) {
        if (run.groups() == 1) {
            return BARE_SCORE;
        }
        boolean threeTwoFour = run.groups() == 3 && run.groupLength(0) == 3 && run.groupLength(1) == 2
                && run.groupLength(2) == 4;
        return threeTwoFour && run.consistentSeparator() ? SEPARATED_SCORE : 0;
    }

    static boolean isIssuable(DigitRun run) {
        int area = run.value(0, 3);
        int group = run.value(3, 5);
        int serial = run.value(5, 9);
        if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
            return false;
        }
        int number = run.value(0, 9);
        if (number == 78_051_120 || number == 219_099_999 || number == 123_456_789 || number >= 987_654_320 && number <= 987_654_329) {
            return false;
        }
        char first = run.digit(0);
        for (int i = 1; i < 9; i++) {
            if (run.digit(i) != first) {
                return true;
            }
        }
        return false;
    }
}
