package org.margin.alerts.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.alert.RuleKind;
import org.margin.store.profile.Metric;
import tools.jackson.databind.JsonNode;

class RuleKernelTest {

    @Test
    void aThresholdRaisesOnlyStrictlyPastIt() {
        MetricThreshold below = new MetricThreshold(Metric.MTLD, Comparison.BELOW, 40);
        MetricThreshold above = new MetricThreshold(Metric.WORD_COUNT, Comparison.ABOVE, 2000);

        assertThat(below.check(39.9)).isEqualTo(new Verdict.Raise(39.9));
        assertThat(below.check(40)).isInstanceOf(Verdict.Quiet.class);
        assertThat(above.check(2001)).isEqualTo(new Verdict.Raise(2001));
        assertThat(above.check(2000)).isInstanceOf(Verdict.Quiet.class);
    }

    @Test
    void aBaselineDropNeedsItsHistoryAndComparesWithTheStudentsOwnSpread() {
        BaselineDrop drop = new BaselineDrop(Metric.MTLD, 2, 4);
        List<Double> history = List.of(70.0, 80.0, 90.0, 80.0);   // mean 80, sample sd 8.165

        assertThat(drop.check(10, history.subList(0, 3))).as("three earlier submissions of four needed")
                .isInstanceOf(Verdict.Quiet.class);
        assertThat(drop.check(63.5, history)).isEqualTo(new Verdict.Raise(63.5));
        assertThat(drop.check(64, history)).isInstanceOf(Verdict.Quiet.class);
        assertThat(drop.check(200, history)).as("a rise is no drop").isInstanceOf(Verdict.Quiet.class);
        assertThat(drop.check(59.9, List.of(60.0, 60.0, 60.0, 60.0))).as("no spread: any drop counts")
                .isEqualTo(new Verdict.Raise(59.9));
        assertThat(drop.check(60, List.of(60.0, 60.0, 60.0, 60.0))).isInstanceOf(Verdict.Quiet.class);
    }

    @Test
    void similarityLooksAtTheBestMatchAgainstTheRulesOwnThreshold() {
        SimilarityFinding similarity = new SimilarityFinding(0.6);

        assertThat(similarity.check(List.of(0.2, 0.6, 0.4))).isEqualTo(new Verdict.Raise(0.6));
        assertThat(similarity.check(List.of(0.2, 0.59))).isInstanceOf(Verdict.Quiet.class);
        assertThat(similarity.check(List.of())).isInstanceOf(Verdict.Quiet.class);
    }

    @Test
    void inactivityCutsOffTheGivenNumberOfDaysBeforeToday() {
        assertThat(new Inactivity(14).lastActiveBy(LocalDate.parse("2026-10-01")))
                .isEqualTo(LocalDate.parse("2026-09-17"));
    }

    @Test
    void rulesOutsideTheirBoundsCannotBeBuilt() {
        assertThatThrownBy(() -> new MetricThreshold(Metric.TYPE_TOKEN_RATIO, Comparison.BELOW, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MetricThreshold(Metric.MTLD, Comparison.BELOW, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BaselineDrop(Metric.MTLD, 0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BaselineDrop(Metric.MTLD, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SimilarityFinding(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Inactivity(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachKindReadsBackFromItsJsonFormAndFromWhatTheStoreKeeps() {
        List<AlertRuleDefinition> rules = List.of(
                new MetricThreshold(Metric.FLESCH_READING_EASE, Comparison.ABOVE, 90),
                new BaselineDrop(Metric.TYPE_TOKEN_RATIO, 1.5, 5),
                new SimilarityFinding(0.8),
                new Inactivity(21));
        for (AlertRuleDefinition rule : rules) {
            assertThat(RuleJson.read(RuleJson.write(rule))).isEqualTo(new RuleReading.Valid(rule));
            assertThat(RuleJson.stored(rule.kind(), RuleJson.parameters(rule).toString())).isEqualTo(rule);
        }
        assertThat(RuleJson.write(rules.getFirst()).toString()).isEqualTo(
                "{\"kind\":\"metric_threshold\",\"metric\":\"fleschReadingEase\",\"comparison\":\"above\","
                        + "\"threshold\":90.0}");
    }

    @Test
    void invalidRulesAreRefusedNamingTheMemberAndTheRange() {
        assertThat(reason("{\"kind\": \"sometimes\"}")).startsWith("rule.kind must be one of");
        assertThat(reason("{\"kind\": \"metric_threshold\", \"metric\": \"vibes\", \"comparison\": \"below\", "
                + "\"threshold\": 1}")).startsWith("rule.metric must be one of wordCount, ");
        assertThat(reason("{\"kind\": \"metric_threshold\", \"metric\": \"typeTokenRatio\", \"comparison\": "
                + "\"below\", \"threshold\": 3}")).isEqualTo(
                "rule.threshold for typeTokenRatio must be a number between 0 and 1");
        assertThat(reason("{\"kind\": \"baseline_drop\", \"metric\": \"mtld\", \"standardDeviations\": 2, "
                + "\"minimumHistory\": 1}")).startsWith("rule.minimumHistory must be");
        assertThat(reason("{\"kind\": \"similarity\", \"threshold\": 1.2}")).startsWith("rule.threshold must be");
        assertThat(reason("{\"kind\": \"inactivity\", \"days\": 2.5}")).startsWith("rule.days must be");
    }

    @Test
    void metricsGoByTheNamesTheEventsUse() {
        assertThat(MetricNames.wireName(Metric.AUTOMATED_READABILITY_INDEX)).isEqualTo("automatedReadabilityIndex");
        assertThat(MetricNames.metric("mtld")).contains(Metric.MTLD);
        assertThat(MetricNames.metric("MTLD")).isEmpty();
        assertThat(RuleKind.values()).extracting(RuleKind::column)
                .containsExactly("metric_threshold", "baseline_drop", "similarity", "inactivity");
    }

    private static String reason(String json) {
        JsonNode rule = Json.MAPPER.readTree(json);
        return switch (RuleJson.read(rule)) {
            case RuleReading.Invalid invalid -> invalid.reason();
            case RuleReading.Valid valid -> "valid: " + valid.rule();
        };
    }
}
