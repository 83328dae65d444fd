package org.margin.privacy.pii.recognizer;

import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;

/**
 * Payment card numbers: 12 to 19 digits, bare or in groups of 3 to 6 joined by spaces or dashes, that pass the
 * Luhn check. A number of a known issuer's prefix and length scores high; any other Luhn-valid number needs a
 * context word such as "card" or "visa".
 */
public final class CreditCardRecognizer implements Recognizer {

    private static final double ISSUER_SCORE = 0.9;
    private static final double SHORT_ISSUER_SCORE = 0.6;
    private static final double UNKNOWN_ISSUER_SCORE = 0.3;
    private static final double CONTEXT_BOOST = 0.3;

    private static final Phrases CONTEXT = Phrases.of(
            "card", "cards", "credit", "debit", "visa", "mastercard", "amex", "american express", "discover",
            "maestro", "jcb", "diners", "cc", "payment", "pay", "card number", "card no", "cc number");

    @Override
    public String name() {
        return "credit-card";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        new DigitRun(" -", 19).forEachRun(scan, (run, start) -> {
            boolean dialled = start > 0 && scan.text().charAt(start - 1) == '+';
            if (!dialled && run.digitCount() >= 12 && plausibleGrouping(run) && Luhn.isValid(run)) {
                double score = CardIssuer.anyAccepts(run)
                        ? (run.digitCount() >= 13 ? ISSUER_SCORE : SHORT_ISSUER_SCORE)
                        : UNKNOWN_ISSUER_SCORE;
                if (Context.precedes(scan, start, CONTEXT, 5)) {
                    score = Math.min(1.0, score + CONTEXT_BOOST);
                }
                sink.accept(new Finding(start, run.end(), EntityType.CREDIT_CARD, score, name()));
            }
        });
    }

    private static boolean plausibleGrouping(DigitRun run) {
        if (run.groups() == 1) {
            return true;
        }
        if (!run.consistentSeparator() || run.groups() < 3 || run.groups() > 5) {
            return false;
        }
        for (int group = 0; group < run.groups(); group++) {
            int size = run.groupLength(group);
            if (size < 3 || size > 6) {
                return false;
            }
        }
        return true;
    }
}
