package org.margin.alerts.rule;

import java.util.Arrays;
import java.util.Optional;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.alert.RuleKind;
import org.margin.store.profile.Metric;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a rule, as tools take and show it: {@code {"kind": "metric_threshold", "metric": "mtld",
 * "comparison": "below", "threshold": 40}}, {@code {"kind": "baseline_drop", "metric": "mtld",
 * "standardDeviations": 2, "minimumHistory": 5}}, {@code {"kind": "similarity", "threshold": 0.8}},
 * {@code {"kind": "inactivity", "days": 14}}. The store keeps the kind and the other members as parameters.
 */
public final class RuleJson {

    private RuleJson() {
    }

    /** Reads and validates a rule given by a caller; every refusal says which member and why. */
    public static RuleReading read(JsonNode rule) {
        if (!rule.isObject()) {
            return new RuleReading.Invalid("rule must be an object");
        }
        Optional<RuleKind> kind = Arrays.stream(RuleKind.values())
                .filter(candidate -> candidate.column().equals(rule.path("kind").asString("")))
                .findFirst();
        if (kind.isEmpty()) {
            return new RuleReading.Invalid("rule.kind must be one of metric_threshold, baseline_drop, similarity, "
                    + "inactivity");
        }
        return read(kind.get(), rule);
    }

    /** A rule as the store keeps it; the store only holds rules this class validated, so a failure is a defect. */
    public static AlertRuleDefinition stored(RuleKind kind, String parameters) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(parameters);
        } catch (JacksonException failure) {
            throw new IllegalStateException("stored rule parameters are not JSON");
        }
        return switch (read(kind, node)) {
            case RuleReading.Valid valid -> valid.rule();
            case RuleReading.Invalid invalid -> throw new IllegalStateException("stored rule is invalid");
        };
    }

    /** The rule's JSON form, kind first. */
    public static ObjectNode write(AlertRuleDefinition rule) {
        ObjectNode node = Json.object();
        node.put("kind", rule.kind().column());
        node.setAll(parameters(rule));
        return node;
    }

    /** The rule's parameters: its JSON form without the kind. */
    public static ObjectNode parameters(AlertRuleDefinition rule) {
        ObjectNode node = Json.object();
        switch (rule) {
            case MetricThreshold threshold -> {
                node.put("metric", MetricNames.wireName(threshold.metric()));
                node.put("comparison", threshold.comparison().wireName());
                node.put("threshold", threshold.threshold());
            }
            case BaselineDrop drop -> {
                node.put("metric", MetricNames.wireName(drop.metric()));
                node.put("standardDeviations", drop.standardDeviations());
                node.put("minimumHistory", drop.minimumHistory());
            }
            case SimilarityFinding similarity -> node.put("threshold", similarity.threshold());
            case Inactivity inactivity -> node.put("days", inactivity.days());
        }
        return node;
    }

    private static RuleReading read(RuleKind kind, JsonNode rule) {
        return switch (kind) {
            case METRIC_THRESHOLD -> metricThreshold(rule);
            case BASELINE_DROP -> baselineDrop(rule);
            case SIMILARITY -> {
                JsonNode threshold = rule.path("threshold");
                yield threshold.isNumber() && threshold.asDouble() > 0 && threshold.asDouble() <= 1
                        ? new RuleReading.Valid(new SimilarityFinding(threshold.asDouble()))
                        : new RuleReading.Invalid("rule.threshold must be a similarity above 0 and at most 1");
            }
            case INACTIVITY -> {
                JsonNode days = rule.path("days");
                yield days.isIntegralNumber() && days.asInt() >= 1 && days.asInt() <= Inactivity.MAX_DAYS
                        ? new RuleReading.Valid(new Inactivity(days.asInt()))
                        : new RuleReading.Invalid("rule.days must be a whole number of days between 1 and "
                                + Inactivity.MAX_DAYS);
            }
        };
    }

    private static RuleReading metricThreshold(JsonNode rule) {
        Optional<Metric> metric = MetricNames.metric(rule.path("metric").asString(""));
        if (metric.isEmpty()) {
            return unknownMetric();
        }
        Optional<Comparison> comparison = Arrays.stream(Comparison.values())
                .filter(candidate -> candidate.wireName().equals(rule.path("comparison").asString("")))
                .findFirst();
        if (comparison.isEmpty()) {
            return new RuleReading.Invalid("rule.comparison must be below or above");
        }
        JsonNode threshold = rule.path("threshold");
        if (!threshold.isNumber() || !MetricNames.saneThreshold(metric.get(), threshold.asDouble())) {
            return new RuleReading.Invalid("rule.threshold for " + MetricNames.wireName(metric.get())
                    + " must be a number " + MetricNames.saneRange(metric.get()));
        }
        return new RuleReading.Valid(new MetricThreshold(metric.get(), comparison.get(), threshold.asDouble()));
    }

    private static RuleReading baselineDrop(JsonNode rule) {
        Optional<Metric> metric = MetricNames.metric(rule.path("metric").asString(""));
        if (metric.isEmpty()) {
            return unknownMetric();
        }
        JsonNode deviations = rule.path("standardDeviations");
        if (!deviations.isNumber() || !(deviations.asDouble() > 0)
                || deviations.asDouble() > BaselineDrop.MAX_STANDARD_DEVIATIONS) {
            return new RuleReading.Invalid("rule.standardDeviations must be above 0 and at most "
                    + (int) BaselineDrop.MAX_STANDARD_DEVIATIONS);
        }
        JsonNode history = rule.path("minimumHistory");
        if (!history.isIntegralNumber() || history.asInt() < BaselineDrop.MIN_HISTORY
                || history.asInt() > BaselineDrop.MAX_HISTORY) {
            return new RuleReading.Invalid("rule.minimumHistory must be a whole number of earlier submissions "
                    + "between " + BaselineDrop.MIN_HISTORY + " and " + BaselineDrop.MAX_HISTORY);
        }
        return new RuleReading.Valid(new BaselineDrop(metric.get(), deviations.asDouble(), history.asInt()));
    }

    private static RuleReading unknownMetric() {
        return new RuleReading.Invalid("rule.metric must be one of " + String.join(", ",
                Arrays.stream(Metric.values()).map(MetricNames::wireName).toList()));
    }
}
