package org.margin.store.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.course.CourseId;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;

class AlertsTest {

    private static final LocalDate DURING_TERM = World.TERM_START.plusWeeks(4);

    private static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void rulesOfACourseIncludeTheInstitutionWideOnesAndCanBeDisabled() {
        World world = World.create(store, 1);
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Other");
        AlertRuleId own = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.of(world.course()),
                Metric.MTLD, RuleCondition.BELOW, 40, world.teacher()));
        AlertRuleId everywhere = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.empty(),
                Metric.FLESCH_READING_EASE, RuleCondition.BELOW_OWN_MEAN_BY_SD, 2, world.teacher()));
        store.alertRules().create(world.tenant(), new NewAlertRule(Optional.of(other), Metric.WORD_COUNT,
                RuleCondition.ABOVE, 5000, world.teacher()));

        List<AlertRule> rules = store.alertRules().forCourse(world.tenant(), world.course(),
                Consistency.READ_YOUR_WRITES);

        assertThat(rules).extracting(AlertRule::id).containsExactlyInAnyOrder(own, everywhere);
        assertThat(rules).filteredOn(rule -> rule.id().equals(everywhere)).singleElement().satisfies(rule -> {
            assertThat(rule.course()).isEmpty();
            assertThat(rule.condition()).isEqualTo(RuleCondition.BELOW_OWN_MEAN_BY_SD);
            assertThat(rule.metric()).isEqualTo(Metric.FLESCH_READING_EASE);
            assertThat(rule.threshold()).isEqualTo(2);
        });
        assertThat(store.alertRules().disable(world.tenant(), own)).isTrue();
        assertThat(store.alertRules().disable(world.tenant(), own)).isFalse();
        assertThat(store.alertRules().forCourse(world.tenant(), world.course(), Consistency.READ_YOUR_WRITES))
                .extracting(AlertRule::id).containsExactly(everywhere);
    }

    @Test
    void anAlertReachesExactlyTheEducatorsWhoTeachTheStudentThatDayAndOnlyOnce() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        PersonId assistant = World.person(store, world.tenant());
        PersonId formerAssistant = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), world.course(), assistant, EnrollmentRole.TEACHING_ASSISTANT,
                World.TERM_START, Optional.empty());
        store.enrollments().enroll(world.tenant(), world.course(), formerAssistant,
                EnrollmentRole.TEACHING_ASSISTANT, World.TERM_START, Optional.of(World.TERM_START.plusDays(3)));
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Other");
        PersonId otherTeacher = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), other, otherTeacher, EnrollmentRole.TEACHER, World.TERM_START,
                Optional.empty());
        AlertRuleId rule = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.of(world.course()),
                Metric.MTLD, RuleCondition.BELOW, 40, world.teacher()));
        SubmissionId submission = store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                student, Instant.parse("2026-09-29T10:00:00Z"), World.opaque("essay")));

        assertThat(store.alerts().raise(world.tenant(), rule, submission, Metric.MTLD, 31.5, DURING_TERM))
                .isEqualTo(2);
        assertThat(store.alerts().raise(world.tenant(), rule, submission, Metric.MTLD, 31.5, DURING_TERM))
                .as("a redelivered event").isZero();

        List<Alert> teachers = store.alerts().forEducator(world.tenant(), world.teacher(), AlertStatus.OPEN, 10,
                Consistency.READ_YOUR_WRITES);
        assertThat(teachers).singleElement().satisfies(alert -> {
            assertThat(alert.student()).isEqualTo(student);
            assertThat(alert.submission()).isEqualTo(submission);
            assertThat(alert.rule()).isEqualTo(rule);
            assertThat(alert.metric()).isEqualTo(Metric.MTLD);
            assertThat(alert.observed()).isEqualTo(31.5);
        });
        assertThat(store.alerts().forEducator(world.tenant(), assistant, AlertStatus.OPEN, 10,
                Consistency.READ_YOUR_WRITES)).hasSize(1);
        assertThat(store.alerts().forEducator(world.tenant(), formerAssistant, AlertStatus.OPEN, 10,
                Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.alerts().forEducator(world.tenant(), otherTeacher, AlertStatus.OPEN, 10,
                Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.alerts().forCourse(world.tenant(), world.course(), 10, Consistency.READ_YOUR_WRITES))
                .extracting(Alert::educator).containsExactlyInAnyOrder(world.teacher(), assistant);
    }

    @Test
    void onlyTheRecipientChangesAnAlertsStatus() {
        World world = World.create(store, 1);
        AlertRuleId rule = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.empty(),
                Metric.WORD_COUNT, RuleCondition.BELOW, 50, world.teacher()));
        SubmissionId submission = store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                world.students().getFirst(), Instant.parse("2026-09-29T10:00:00Z"), World.opaque("short")));
        store.alerts().raise(world.tenant(), rule, submission, Metric.WORD_COUNT, 12, DURING_TERM);
        Alert alert = store.alerts().forEducator(world.tenant(), world.teacher(), AlertStatus.OPEN, 10,
                Consistency.READ_YOUR_WRITES).getFirst();

        assertThat(store.alerts().changeStatus(world.tenant(), alert.id(), world.students().getFirst(),
                AlertStatus.DISMISSED)).isFalse();
        assertThat(store.alerts().changeStatus(world.tenant(), alert.id(), world.teacher(),
                AlertStatus.ACKNOWLEDGED)).isTrue();
        assertThat(store.alerts().forEducator(world.tenant(), world.teacher(), AlertStatus.OPEN, 10,
                Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(store.alerts().forEducator(world.tenant(), world.teacher(), AlertStatus.ACKNOWLEDGED, 10,
                Consistency.READ_YOUR_WRITES)).extracting(Alert::id).containsExactly(alert.id());
    }
}
