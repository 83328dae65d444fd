package org.margin.alerts.rule;

import java.util.Collection;
import org.margin.store.alert.RuleKind;

/**
 * A similarity check whose best match is at least {@code threshold} similar. The rule's threshold is its own: the
 * checker's threshold (and its {@code finding}) may differ.
 */
public record SimilarityFinding(double threshold) implements AlertRuleDefinition {

    public SimilarityFinding {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be above 0 and at most 1");
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.SIMILARITY;
    }

    /** @param similarities the similarity of each match, each between 0 and 1 */
    public Verdict check(Collection<Double> similarities) {
        double best = similarities.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return best >= threshold ? Verdict.raise(best) : Verdict.quiet();
    }
}
