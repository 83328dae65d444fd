package org.margin.privacy.pii.evaluation;

/** How predicted spans are judged against gold spans of the same label. */
public enum MatchingRule {
    /**
     * The headline rule, suited to redaction. A gold span is found when predictions of its label cover at least
     * half of its characters; a prediction is correct when at least half of its characters lie inside gold spans
     * of its label. One prediction may so find several gold spans (an address the dataset splits in pieces).
     */
    COVERAGE,
    /**
     * One-to-one: each prediction may match one gold span of its label, and only when their intersection over
     * union is at least 0.5; pairs are taken by decreasing overlap.
     */
    STRICT
}
