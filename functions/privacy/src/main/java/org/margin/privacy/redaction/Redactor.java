package org.margin.privacy.redaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.margin.privacy.pii.Finding;

/**
 * Replaces findings in a text according to a {@link RedactionMode}.
 *
 * <pre>{@code
 * List<Finding> findings = PiiDetector.standard().detect(essay);
 * String tagged = Redactor.redact(essay, findings, new RedactionMode.TypeTag()).text();
 * String pseudonymised = Redactor.redact(essay, findings, new RedactionMode.Pseudonym(new PseudonymTable())).text();
 * }</pre>
 */
public final class Redactor {

    private Redactor() {
    }

    /**
     * @param findings non-overlapping findings within {@code text}, in any order, such as
     *                 {@link org.margin.privacy.pii.PiiDetector#detect} returns
     * @throws IllegalArgumentException if two findings overlap or one lies outside the text
     */
    public static RedactedText redact(String text, List<Finding> findings, RedactionMode mode) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparingInt(Finding::start));
        StringBuilder out = new StringBuilder(text.length() + 16 * ordered.size());
        List<Replacement> replacements = new ArrayList<>(ordered.size());
        int copied = 0;
        for (Finding finding : ordered) {
            if (finding.start() < copied) {
                throw new IllegalArgumentException("findings overlap at " + finding.start());
            }
            if (finding.end() > text.length()) {
                throw new IllegalArgumentException("finding [" + finding.start() + ", " + finding.end()
                        + ") lies outside a text of length " + text.length());
            }
            out.append(text, copied, finding.start());
            int redactedStart = out.length();
            appendReplacement(out, text.substring(finding.start(), finding.end()), finding, mode);
            replacements.add(new Replacement(finding.start(), finding.end(), redactedStart, out.length(),
                    finding.type()));
            copied = finding.end();
        }
        out.append(text, copied, text.length());
        return new RedactedText(out.toString(), replacements);
    }

    private static void appendReplacement(StringBuilder out, String value, Finding finding, RedactionMode mode) {
        switch (mode) {
            case RedactionMode.Mask mask -> value.codePoints().forEach(c -> {
                if (c == '\n' || c == '\r') {
                    out.append((char) c);
                } else {
                    out.append(mask.maskChar());
                }
            });
            case RedactionMode.FixedMask fixed -> out.append(fixed.replacement());
            case RedactionMode.TypeTag ignored -> out.append('<').append(finding.type().name()).append('>');
            case RedactionMode.Pseudonym pseudonym -> out.append(pseudonym.table().pseudonym(finding.type(), value));
            case RedactionMode.ReversibleToken token -> out.append(token.tokenizer().tokenize(finding.type(), value));
        }
    }
}
