package org.margin.alerts.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.margin.alerts.rule.AlertRuleDefinition;
import org.margin.alerts.rule.BaselineDrop;
import org.margin.alerts.rule.Inactivity;
import org.margin.alerts.rule.MetricThreshold;
import org.margin.alerts.rule.RuleJson;
import org.margin.alerts.rule.SimilarityFinding;
import org.margin.alerts.rule.Verdict;
import org.margin.alerts.ruleset.CourseRules;
import org.margin.events.AlertRaised;
import org.margin.events.IntegrityChecked;
import org.margin.events.WritingAnalyzed;
import org.margin.platform.grouping.GroupSizes;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.alert.AlertRule;
import org.margin.store.alert.RuleKind;
import org.margin.store.alert.SubmissionAlert;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.profile.MetricsPoint;
import org.margin.store.profile.Profiles;
import org.margin.store.profile.TimeWindow;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.GroupCommit;
import org.margin.store.tenant.TenantId;

import io.opentelemetry.api.metrics.Meter;

/**
 * Evaluates rules as events arrive and on a schedule, and raises their alerts through the store, which routes each
 * to the educators teaching the student's course on the day and adds nothing for an occasion already raised.
 * Each method returns the alerts newly raised, one per rule and student, for the caller to announce as
 * {@code org.margin.alert.raised.v1}; a redelivered event returns none. A store outage surfaces as
 * {@code StoreUnavailableException}, for the caller to ask for redelivery.
 *
 * <p>The alerts about submissions that an institution's events raise at the same time share one statement and one
 * commit (a group commit, as the LMS ingress writes its submissions), so that under load an alert does not pay a
 * transaction of its own (BEGIN, scope, COMMIT and its flush) for one INSERT.
 */
public final class AlertEvaluator {

    /** How many of a student's latest earlier submissions make their baseline. */
    public static final int BASELINE_SUBMISSIONS = 100;
    /** The most alerts one statement raises. */
    private static final int GROUP_SIZE = 64;
    /** One statement of an institution at a time: the alerts raised while it and its commit run make the next. */
    private static final int GROUPS_IN_FLIGHT = 1;

    private final Store store;
    private final CourseRules rules;
    private final Clock clock;
    private final GroupCommit<SubmissionAlert, Long> raising;

    /**
     * Reading the rules from the store for every event, recording no metric.
     *
     * @param clock gives "today", the day whose enrolments decide the recipients
     */
    public AlertEvaluator(Store store, Clock clock) {
        this(store, CourseRules.uncached(store), clock, size -> {
        });
    }

    /**
     * @param rules where the rules that reach a course are read (the grid's tiers, or the store)
     * @param meter where the size of each group of alerts raised together is recorded
     *              ({@code margin.alerts.group.size})
     */
    public AlertEvaluator(Store store, CourseRules rules, Clock clock, Meter meter) {
        this(store, rules, clock, GroupSizes.histogram(meter, "margin.alerts.group.size", "{alert}",
                "Alerts about submissions raised in one statement and one commit (a group commit)."));
    }

    private AlertEvaluator(Store store, CourseRules rules, Clock clock, IntConsumer groupRaised) {
        this.store = Objects.requireNonNull(store, "store");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.raising = new GroupCommit<>(store.alerts()::raise, GROUP_SIZE, GROUPS_IN_FLIGHT, groupRaised);
    }

    /** Metric and baseline rules of the submission's course and institution. */
    public List<RaisedAlert> onWritingAnalyzed(WritingAnalyzed event) {
        TenantId tenant = new TenantId(event.institutionId());
        LocalDate today = LocalDate.now(clock);
        SubmissionId submission = new SubmissionId(event.submissionId());
        Supplier<List<MetricsPoint>> history = once(() -> store.profiles().timeSeries(tenant,
                new PersonId(event.studentId()), new TimeWindow(TimeWindow.always().from(), event.submittedAt()),
                Math.min(BASELINE_SUBMISSIONS, Profiles.MAX_POINTS), Consistency.READ_YOUR_WRITES));
        List<RaisedAlert> raised = new ArrayList<>();
        for (AlertRule rule : rulesOf(tenant, event.courseId())) {
            AlertRuleDefinition definition = RuleJson.stored(rule.kind(), rule.parameters());
            Optional<Metric> metric = switch (definition) {
                case MetricThreshold threshold -> Optional.of(threshold.metric());
                case BaselineDrop drop -> Optional.of(drop.metric());
                case SimilarityFinding ignored -> Optional.empty();
                case Inactivity ignored -> Optional.empty();
            };
            OptionalDouble value = metric.map(watched -> MetricValues.of(event.metrics(), watched))
                    .orElse(OptionalDouble.empty());
            // A figure the analysis could not give (MTLD of a short text) crosses no threshold.
            Verdict verdict = value.isEmpty() ? Verdict.quiet() : switch (definition) {
                case MetricThreshold threshold -> threshold.check(value.getAsDouble());
                case BaselineDrop drop -> drop.check(value.getAsDouble(),
                        history.get().stream().map(point -> point.metrics().value(drop.metric())).toList());
                case SimilarityFinding ignored -> Verdict.quiet();
                case Inactivity ignored -> Verdict.quiet();
            };
            if (verdict instanceof Verdict.Raise raise) {
                long recipients = raising.write(tenant, new SubmissionAlert(rule.id(), rule.kind(), submission,
                        metric, raise.observed(), today));
                announce(raised, event.institutionId(), event.courseId(), event.studentId(), rule,
                        occasion(submission), recipients > 0 ? recipients
                                : store.alerts().raisedAbout(tenant, rule.id(), submission));
            }
        }
        return raised;
    }

    /** Similarity rules of the submission's course and institution. */
    public List<RaisedAlert> onIntegrityChecked(IntegrityChecked event) {
        TenantId tenant = new TenantId(event.institutionId());
        LocalDate today = LocalDate.now(clock);
        SubmissionId submission = new SubmissionId(event.submissionId());
        List<Double> similarities = event.matches().stream().map(IntegrityChecked.Match::similarity).toList();
        List<RaisedAlert> raised = new ArrayList<>();
        for (AlertRule rule : rulesOf(tenant, event.courseId())) {
            if (RuleJson.stored(rule.kind(), rule.parameters()) instanceof SimilarityFinding similarity
                    && similarity.check(similarities) instanceof Verdict.Raise raise) {
                long recipients = raising.write(tenant, new SubmissionAlert(rule.id(), rule.kind(), submission,
                        Optional.empty(), raise.observed(), today));
                announce(raised, event.institutionId(), event.courseId(), event.studentId(), rule,
                        occasion(submission), recipients > 0 ? recipients
                                : store.alerts().raisedAbout(tenant, rule.id(), submission));
            }
        }
        return raised;
    }

    /**
     * The scheduled check, which names no institution: {@link #evaluateInactivity} today for every institution
     * with an enabled inactivity rule.
     */
    public List<RaisedAlert> onSchedule() {
        LocalDate today = LocalDate.now(clock);
        List<RaisedAlert> raised = new ArrayList<>();
        for (TenantId tenant : store.alertRules().withInactivityRules()) {
            raised.addAll(evaluateInactivity(tenant, today));
        }
        return raised;
    }

    /** Every inactivity rule of the institution, for every student enrolled in its scope on {@code today}. */
    public List<RaisedAlert> evaluateInactivity(TenantId tenant, LocalDate today) {
        List<RaisedAlert> raised = new ArrayList<>();
        for (AlertRule rule : store.alertRules().ofKind(tenant, RuleKind.INACTIVITY, Consistency.READ_YOUR_WRITES)) {
            if (RuleJson.stored(rule.kind(), rule.parameters()) instanceof Inactivity inactivity) {
                store.alerts().raiseInactivity(tenant, rule.id(), rule.course(), inactivity.lastActiveBy(today),
                                today)
                        .forEach(alert -> announce(raised, tenant.value(), alert.course().value(),
                                alert.student().value(), rule, alert.occasion(), alert.recipients()));
            }
        }
        return raised;
    }

    private List<AlertRule> rulesOf(TenantId tenant, UUID course) {
        return rules.reaching(tenant, new CourseId(course));
    }

    /** As the store names a submission's occasion. */
    private static String occasion(SubmissionId submission) {
        return "submission:" + submission.value();
    }

    private static void announce(List<RaisedAlert> raised, UUID institution, UUID course, UUID student,
                                 AlertRule rule, String occasion, long recipients) {
        if (recipients > 0) {
            raised.add(new RaisedAlert(new AlertRaised(institution, course, student, rule.id().value(),
                    rule.kind().column(), Math.toIntExact(recipients)), occasion));
        }
    }

    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
