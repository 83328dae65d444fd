package org.margin.alerts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.alerts.TestWorld;
import org.margin.alerts.rule.AlertRuleDefinition;
import org.margin.alerts.rule.BaselineDrop;
import org.margin.alerts.rule.Comparison;
import org.margin.alerts.rule.Inactivity;
import org.margin.alerts.rule.MetricThreshold;
import org.margin.alerts.rule.RuleJson;
import org.margin.alerts.rule.SimilarityFinding;
import org.margin.events.AlertRaised;
import org.margin.events.IntegrityChecked;
import org.margin.events.WritingAnalyzed;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.alert.Alert;
import org.margin.store.alert.AlertFilter;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.NewAlertRule;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.submission.SubmissionId;

/** Raising, deduplication and routing, against a real embedded PostgreSQL. */
class AlertEvaluatorTest {

    private static final Instant NOW = TestWorld.TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC);

    private static Store store;
    private TestWorld world;
    private AlertEvaluator evaluator;

    @BeforeAll
    static void open() {
        store = TestWorld.openStore();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void createWorld() {
        world = TestWorld.create(store);
        evaluator = new AlertEvaluator(store, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aMetricRuleRaisesToTheCurrentTeacherAndAssistantOnlyAndOnlyOnce() {
        AlertRuleId rule = define(Optional.of(world.course()), new MetricThreshold(Metric.MTLD, Comparison.BELOW, 40));
        SubmissionId submission = world.submit(world.student(), NOW.minusSeconds(3600));
        WritingAnalyzed event = analyzed(submission, NOW.minusSeconds(3600), 31.5);

        assertThat(evaluator.onWritingAnalyzed(event)).extracting(RaisedAlert::event).containsExactly(new AlertRaised(world.tenant().value(),
                world.course().value(), world.student().value(), rule.value(), "metric_threshold", 2));
        assertThat(evaluator.onWritingAnalyzed(event)).as("a redelivered event raises nothing new and announces the "
                + "alerts raised before again").extracting(RaisedAlert::event).containsExactly(new AlertRaised(
                world.tenant().value(), world.course().value(), world.student().value(), rule.value(),
                "metric_threshold", 2));

        assertThat(alertsOf(world.teacher())).singleElement().satisfies(alert -> {
            assertThat(alert.submission()).contains(submission);
            assertThat(alert.metric()).contains(Metric.MTLD);
            assertThat(alert.observed()).isEqualTo(31.5);
        });
        assertThat(alertsOf(world.assistant())).hasSize(1);
        assertThat(alertsOf(world.formerAssistant())).as("enrolment ended yesterday").isEmpty();
        assertThat(alertsOf(world.otherTeacher())).as("teaches another course").isEmpty();
    }

    @Test
    void anAnalysisWithoutMtldCrossesNoMtldRule() {
        define(Optional.of(world.course()), new MetricThreshold(Metric.MTLD, Comparison.BELOW, 40));
        SubmissionId submission = world.submit(world.student(), NOW.minusSeconds(60));

        assertThat(evaluator.onWritingAnalyzed(analyzed(submission, NOW.minusSeconds(60), 12,
                OptionalDouble.empty()))).isEmpty();
        assertThat(alertsOf(world.teacher())).isEmpty();
    }

    @Test
    void rulesOfAnotherCourseStayQuietAndInstitutionWideOnesApply() {
        define(Optional.of(world.otherCourse()), new MetricThreshold(Metric.MTLD, Comparison.BELOW, 40));
        AlertRuleId everywhere = define(Optional.empty(), new MetricThreshold(Metric.WORD_COUNT, Comparison.ABOVE,
                10));
        SubmissionId submission = world.submit(world.student(), NOW.minusSeconds(60));

        assertThat(evaluator.onWritingAnalyzed(analyzed(submission, NOW.minusSeconds(60), 20)))
                .extracting(raised -> raised.event().ruleId()).containsExactly(everywhere.value());
    }

    @Test
    void aBaselineDropWaitsForTheMinimumHistoryOfEarlierSubmissions() {
        define(Optional.of(world.course()), new BaselineDrop(Metric.MTLD, 2, 3));
        double[] earlier = {70, 80, 90};
        for (int i = 0; i < earlier.length; i++) {
            Instant at = NOW.minusSeconds(86_400L * (10 - i));
            SubmissionId submission = world.submit(world.student(), at);
            store.profiles().record(world.tenant(), submission, TestWorld.metrics(50, Metric.MTLD, earlier[i]));
            assertThat(evaluator.onWritingAnalyzed(analyzed(submission, at, earlier[i] - 30)))
                    .as("too little history before submission %d", i).isEmpty();
        }
        SubmissionId steady = world.submit(world.student(), NOW.minusSeconds(7200));
        store.profiles().record(world.tenant(), steady, TestWorld.metrics(50, Metric.MTLD, 75));
        assertThat(evaluator.onWritingAnalyzed(analyzed(steady, NOW.minusSeconds(7200), 75))).isEmpty();

        SubmissionId dropped = world.submit(world.student(), NOW.minusSeconds(3600));
        // Recorded before the event is evaluated: the baseline is still the submissions before this one.
        store.profiles().record(world.tenant(), dropped, TestWorld.metrics(50, Metric.MTLD, 55));
        assertThat(evaluator.onWritingAnalyzed(analyzed(dropped, NOW.minusSeconds(3600), 55)))
                .extracting(raised -> raised.event().kind()).containsExactly("baseline_drop");
    }

    @Test
    void aSimilarityFindingRaisesOnTheBestMatchOnce() {
        AlertRuleId rule = define(Optional.of(world.course()), new SimilarityFinding(0.7));
        SubmissionId submission = world.submit(world.student(), NOW.minusSeconds(60));
        IntegrityChecked close = new IntegrityChecked(world.tenant().value(), world.course().value(),
                submission.value(), world.student().value(), 0.5, true, List.of(
                        new IntegrityChecked.Match(UUID.randomUUID(), 0.55),
                        new IntegrityChecked.Match(UUID.randomUUID(), 0.82)));

        assertThat(evaluator.onIntegrityChecked(close)).extracting(RaisedAlert::event).containsExactly(new AlertRaised(world.tenant().value(),
                world.course().value(), world.student().value(), rule.value(), "similarity", 2));
        assertThat(evaluator.onIntegrityChecked(close)).as("redelivered: announced again, nothing new raised")
                .extracting(RaisedAlert::event).containsExactly(new AlertRaised(world.tenant().value(),
                        world.course().value(), world.student().value(), rule.value(), "similarity", 2));
        assertThat(alertsOf(world.teacher())).singleElement().satisfies(alert -> {
            assertThat(alert.observed()).isEqualTo(0.82);
            assertThat(alert.metric()).isEmpty();
        });

        SubmissionId another = world.submit(world.student(), NOW.minusSeconds(30));
        assertThat(evaluator.onIntegrityChecked(new IntegrityChecked(world.tenant().value(), world.course().value(),
                another.value(), world.student().value(), 0.5, true,
                List.of(new IntegrityChecked.Match(UUID.randomUUID(), 0.6))))).as("below the rule's own threshold")
                .isEmpty();
    }

    @Test
    void inactivityIsCheckedOnScheduleAndRaisesOncePerStretch() {
        AlertRuleId rule = define(Optional.of(world.course()), new Inactivity(14));
        PersonId active = world.newStudent();
        world.submit(active, NOW.minusSeconds(86_400L * 3));
        world.submit(world.student(), NOW.minusSeconds(86_400L * 20));

        List<AlertRaised> raised = evaluator.onSchedule().stream().map(RaisedAlert::event)
                .filter(event -> event.institutionId().equals(world.tenant().value())).toList();

        assertThat(raised).containsExactly(new AlertRaised(world.tenant().value(), world.course().value(),
                world.student().value(), rule.value(), "inactivity", 2));
        assertThat(alertsOf(world.teacher())).singleElement().satisfies(alert -> {
            assertThat(alert.submission()).isEmpty();
            assertThat(alert.observed()).isEqualTo(20);
        });
        assertThat(alertsOf(world.formerAssistant())).isEmpty();
        assertThat(evaluator.evaluateInactivity(world.tenant(), TestWorld.TODAY.plusDays(1)))
                .as("the same stretch the next day").isEmpty();
    }

    private AlertRuleId define(Optional<CourseId> course, AlertRuleDefinition rule) {
        return store.alertRules().create(world.tenant(), new NewAlertRule(course, rule.kind(),
                RuleJson.parameters(rule).toString(), world.teacher()));
    }

    /** Word count and MTLD at {@code value}, every other figure at 50 (the type-token ratio at 0.5). */
    private WritingAnalyzed analyzed(SubmissionId submission, Instant at, double value) {
        return analyzed(submission, at, (int) value, OptionalDouble.of(value));
    }

    private WritingAnalyzed analyzed(SubmissionId submission, Instant at, int words, OptionalDouble mtld) {
        return new WritingAnalyzed(world.tenant().value(), world.course().value(), submission.value(),
                world.student().value(), at, new WritingAnalyzed.Metrics(words, 50, 50, 50, 50, 50, 50, 50, 50, 50,
                0.5, mtld, 50, 50));
    }

    private List<Alert> alertsOf(PersonId educator) {
        return store.alerts().forEducator(world.tenant(), educator, AlertFilter.all(), Optional.empty(), 50,
                Consistency.READ_YOUR_WRITES).alerts();
    }
}
