package org.margin.alerts.rule;

import java.util.Objects;
import org.margin.store.alert.RuleKind;
import org.margin.store.profile.Metric;

/** A submission's metric strictly below or above a fixed threshold. */
public record MetricThreshold(Metric metric, Comparison comparison, double threshold) implements AlertRuleDefinition {

    public MetricThreshold {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(comparison, "comparison");
        if (!MetricNames.saneThreshold(metric, threshold)) {
            throw new IllegalArgumentException("threshold outside the metric's range");
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.METRIC_THRESHOLD;
    }

    public Verdict check(double value) {
        return comparison.crossedBy(value, threshold) ? Verdict.raise(value) : Verdict.quiet();
    }
}
