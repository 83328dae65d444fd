package org.margin.alerts.rule;

import org.margin.store.alert.RuleKind;

/** What a rule watches, with its parameters; {@link RuleJson} reads and writes the JSON form. */
public sealed interface AlertRuleDefinition
        permits MetricThreshold, BaselineDrop, SimilarityFinding, Inactivity {

    RuleKind kind();
}
