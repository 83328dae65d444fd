package org.margin.alerts.rule;

import java.util.List;
import java.util.Objects;
import org.margin.store.alert.RuleKind;
import org.margin.store.profile.Metric;

/**
 * A submission's metric more than {@code standardDeviations} sample standard deviations below the student's own
 * mean over their earlier submissions, judged only once there are {@code minimumHistory} of them. With no spread at
 * all (every earlier value equal), any value below that value is a drop.
 */
public record BaselineDrop(Metric metric, double standardDeviations, int minimumHistory)
        implements AlertRuleDefinition {

    public static final double MAX_STANDARD_DEVIATIONS = 10;
    /** Two values are the fewest with a standard deviation. */
    public static final int MIN_HISTORY = 2;
    public static final int MAX_HISTORY = 100;

    public BaselineDrop {
        Objects.requireNonNull(metric, "metric");
        if (!(standardDeviations > 0 && standardDeviations <= MAX_STANDARD_DEVIATIONS)) {
            throw new IllegalArgumentException("standardDeviations must be above 0 and at most "
                    + MAX_STANDARD_DEVIATIONS);
        }
        if (minimumHistory < MIN_HISTORY || minimumHistory > MAX_HISTORY) {
            throw new IllegalArgumentException("minimumHistory must be between " + MIN_HISTORY + " and "
                    + MAX_HISTORY);
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.BASELINE_DROP;
    }

    /** @param history the metric's values in the student's earlier submissions, in any order */
    public Verdict check(double value, List<Double> history) {
        int count = history.size();
        if (count < minimumHistory) {
            return Verdict.quiet();
        }
        double mean = history.stream().mapToDouble(Double::doubleValue).sum() / count;
        double squares = history.stream().mapToDouble(earlier -> (earlier - mean) * (earlier - mean)).sum();
        double standardDeviation = Math.sqrt(squares / (count - 1));
        return value < mean - standardDeviations * standardDeviation ? Verdict.raise(value) : Verdict.quiet();
    }
}
