package org.margin.privacy.pii.institution;

import java.util.List;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.FindingSink;
import org.margin.privacy.pii.Recognizer;
import org.margin.privacy.pii.text.Phrases;
import org.margin.privacy.pii.text.ScanText;
import org.margin.privacy.pii.text.Words;

/**
 * Student and staff ids of one institution, from its {@link InstitutionIdRule}s. A pattern with a literal part
 * (S#{7}) is specific enough to report alone; a pattern of bare digits or letters is reported only after one of
 * its rule's cue words.
 */
public final class InstitutionIdRecognizer implements Recognizer {

    private static final double SPECIFIC_SCORE = 0.75;
    private static final double GENERIC_SCORE = 0.35;
    private static final double CUE_BOOST = 0.25;
    private static final int CUE_WINDOW = 4;

    private final List<CompiledRule> rules;

    public InstitutionIdRecognizer(List<InstitutionIdRule> rules) {
        this.rules = rules.stream().map(CompiledRule::new).toList();
    }

    @Override
    public String name() {
        return "institution-id";
    }

    @Override
    public void recognize(ScanText scan, FindingSink sink) {
        Words words = scan.words();
        String text = scan.text();
        for (int w = 0; w < words.count(); w++) {
            int start = words.start(w);
            for (CompiledRule rule : rules) {
                int end = rule.rule.pattern().matchAt(text, start);
                if (end < 0) {
                    continue;
                }
                double score = rule.rule.pattern().hasLiteral() ? SPECIFIC_SCORE : GENERIC_SCORE;
                if (rule.cues.endsBefore(words, w, CUE_WINDOW - 1)) {
                    score += CUE_BOOST;
                }
                sink.accept(new Finding(start, end, EntityType.INSTITUTION_ID, Math.min(1.0, score), rule.name));
            }
        }
    }

    private static final class CompiledRule {
        private final InstitutionIdRule rule;
        private final Phrases cues;
        private final String name;

        CompiledRule(InstitutionIdRule rule) {
            this.rule = rule;
            this.cues = Phrases.of(rule.cues());
            this.name = "institution-id:" + rule.label();
        }
    }
}
