package org.margin.store.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
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
import org.margin.store.tenant.Actor;
import org.margin.store.tenant.GroupCommit;

class AlertsTest {

    private static final LocalDate DURING_TERM = World.TERM_START.plusWeeks(4);
    private static final String MTLD_BELOW_40 = "{\"metric\": \"mtld\", \"comparison\": \"below\", \"threshold\": 40}";

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
                RuleKind.METRIC_THRESHOLD, MTLD_BELOW_40, world.teacher()));
        AlertRuleId everywhere = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.empty(),
                RuleKind.INACTIVITY, "{\"days\": 14}", world.teacher()));
        store.alertRules().create(world.tenant(), new NewAlertRule(Optional.of(other), RuleKind.SIMILARITY,
                "{\"threshold\": 0.5}", world.teacher()));

        List<AlertRule> rules = store.alertRules().forCourse(world.tenant(), world.course(),
                Consistency.READ_YOUR_WRITES);

        assertThat(rules).extracting(AlertRule::id).containsExactlyInAnyOrder(own, everywhere);
        assertThat(rules).filteredOn(rule -> rule.id().equals(everywhere)).singleElement().satisfies(rule -> {
            assertThat(rule.course()).isEmpty();
            assertThat(rule.kind()).isEqualTo(RuleKind.INACTIVITY);
            assertThat(rule.parameters()).isEqualTo("{\"days\": 14}");
        });
        assertThat(store.alertRules().ofKind(world.tenant(), RuleKind.INACTIVITY, Consistency.READ_YOUR_WRITES))
                .extracting(AlertRule::id).containsExactly(everywhere);
        assertThat(store.alertRules().visibleTo(world.tenant(), world.teacher(), DURING_TERM,
                Consistency.READ_YOUR_WRITES)).extracting(AlertRule::id).containsExactlyInAnyOrder(own, everywhere);
        assertThat(store.alertRules().ofScope(world.tenant(), Optional.of(world.course()),
                Consistency.READ_YOUR_WRITES)).extracting(AlertRule::id).containsExactly(own);
        assertThat(store.alertRules().ofScope(world.tenant(), Optional.empty(), Consistency.READ_YOUR_WRITES))
                .extracting(AlertRule::id).containsExactly(everywhere);
        assertThat(store.alertRules().disable(world.tenant(), own)).hasValueSatisfying(disabled -> {
            assertThat(disabled.enabled()).isFalse();
            assertThat(disabled.course()).contains(world.course());
        });
        assertThat(store.alertRules().disable(world.tenant(), own)).isEmpty();
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
                RuleKind.METRIC_THRESHOLD, MTLD_BELOW_40, world.teacher()));
        SubmissionId submission = submit(world, student, "2026-09-29T10:00:00Z");

        assertThat(raise(world, mtld(rule, submission, 31.5))).isEqualTo(2);
        assertThat(raise(world, mtld(rule, submission, 31.5))).as("a redelivered event").isZero();

        assertThat(open(world, world.teacher())).singleElement().satisfies(alert -> {
            assertThat(alert.student()).isEqualTo(student);
            assertThat(alert.submission()).contains(submission);
            assertThat(alert.rule()).isEqualTo(rule);
            assertThat(alert.kind()).isEqualTo(RuleKind.METRIC_THRESHOLD);
            assertThat(alert.metric()).contains(Metric.MTLD);
            assertThat(alert.observed()).isEqualTo(31.5);
        });
        assertThat(open(world, assistant)).hasSize(1);
        assertThat(open(world, formerAssistant)).isEmpty();
        assertThat(open(world, otherTeacher)).isEmpty();
        assertThat(store.alerts().forCourse(world.tenant(), world.course(), 10, Consistency.READ_YOUR_WRITES))
                .extracting(Alert::educator).containsExactlyInAnyOrder(world.teacher(), assistant);
    }

    @Test
    void alertsRaisedTogetherAreEachCountedAndRoutedAsIfRaisedAlone() {
        World world = World.create(store, 2);
        PersonId first = world.students().getFirst();
        PersonId second = world.students().getLast();
        PersonId assistant = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), world.course(), assistant, EnrollmentRole.TEACHING_ASSISTANT,
                World.TERM_START, Optional.empty());
        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Other");
        PersonId otherTeacher = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), other, otherTeacher, EnrollmentRole.TEACHER, World.TERM_START,
                Optional.empty());
        CourseId untaught = store.courses().create(world.tenant(), "UNTAUGHT-" + world.course(), "Untaught");
        for (CourseId course : List.of(other, untaught)) {
            store.enrollments().enroll(world.tenant(), course, second, EnrollmentRole.STUDENT, World.TERM_START,
                    Optional.empty());
        }
        AlertRuleId lowMtld = mtldRule(world);
        AlertRuleId similar = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.empty(),
                RuleKind.SIMILARITY, "{\"threshold\": 0.5}", world.teacher()));
        SubmissionId firstEssay = submit(world, first, "2026-09-29T10:00:00Z");
        SubmissionId secondEssay = submit(world, second, "2026-09-29T11:00:00Z");
        SubmissionId otherEssay = submit(world, other, second, "2026-09-29T12:00:00Z");
        SubmissionId untaughtEssay = submit(world, untaught, second, "2026-09-29T13:00:00Z");

        List<Long> added = store.alerts().raise(world.tenant(), List.of(mtld(lowMtld, firstEssay, 31.5),
                similarity(similar, firstEssay, 0.9), mtld(lowMtld, otherEssay, 12), mtld(lowMtld, untaughtEssay, 8),
                similarity(similar, secondEssay, 0.7)));

        assertThat(added).as("teacher and assistant, the other course's teacher, nobody teaches the untaught one")
                .containsExactly(2L, 2L, 1L, 0L, 2L);
        assertThat(open(world, world.teacher()))
                .extracting(Alert::rule, alert -> alert.submission().orElseThrow(), Alert::metric, Alert::observed)
                .containsExactlyInAnyOrder(tuple(lowMtld, firstEssay, Optional.of(Metric.MTLD), 31.5),
                        tuple(similar, firstEssay, Optional.empty(), 0.9),
                        tuple(similar, secondEssay, Optional.empty(), 0.7));
        assertThat(open(world, assistant)).hasSize(3);
        assertThat(open(world, otherTeacher)).singleElement().satisfies(alert -> {
            assertThat(alert.submission()).contains(otherEssay);
            assertThat(alert.student()).isEqualTo(second);
            assertThat(alert.observed()).isEqualTo(12);
        });
        assertThat(store.alerts().forCourse(world.tenant(), untaught, 10, Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void anAlertAskedTwiceInOneGroupIsAddedByTheFirstAskingAndARedeliveredOneAddsNothing() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        PersonId lateAssistant = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), world.course(), lateAssistant, EnrollmentRole.TEACHING_ASSISTANT,
                DURING_TERM, Optional.empty());
        AlertRuleId rule = mtldRule(world);
        SubmissionId essay = submit(world, student, "2026-09-10T10:00:00Z");
        SubmissionId later = submit(world, student, "2026-09-30T10:00:00Z");
        SubmissionAlert beforeTheAssistant = new SubmissionAlert(rule, RuleKind.METRIC_THRESHOLD, essay,
                Optional.of(Metric.MTLD), 31.5, DURING_TERM.minusDays(1));

        assertThat(store.alerts().raise(world.tenant(), List.of(beforeTheAssistant, mtld(rule, essay, 12),
                mtld(rule, essay, 12)))).as("the teacher by the first; the assistant, new that day, by the second")
                .containsExactly(1L, 1L, 0L);
        assertThat(store.alerts().raise(world.tenant(), List.of(mtld(rule, essay, 31.5), mtld(rule, later, 20))))
                .as("a redelivery beside a new alert").containsExactly(0L, 2L);

        assertThat(open(world, world.teacher())).filteredOn(alert -> alert.submission().equals(Optional.of(essay)))
                .singleElement().extracting(Alert::observed).isEqualTo(31.5);
        assertThat(open(world, lateAssistant)).filteredOn(alert -> alert.submission().equals(Optional.of(essay)))
                .singleElement().extracting(Alert::observed).isEqualTo(12.0);
    }

    @Test
    void aGroupRaisesAboutItsOwnTenantsSubmissionsOnly() {
        World a = World.create(store, 1);
        World b = World.create(store, 1);
        AlertRuleId ruleOfB = mtldRule(b);
        SubmissionId essayOfA = submit(a, a.students().getFirst(), "2026-09-29T10:00:00Z");
        SubmissionId essayOfB = submit(b, b.students().getFirst(), "2026-09-29T10:00:00Z");

        assertThat(store.alerts().raise(b.tenant(), List.of(mtld(ruleOfB, essayOfA, 12), mtld(ruleOfB, essayOfB, 12))))
                .containsExactly(0L, 1L);
        assertThat(store.alerts().forCourse(a.tenant(), a.course(), 10, Consistency.READ_YOUR_WRITES)).isEmpty();
        assertThat(open(b, b.teacher())).singleElement().extracting(Alert::submission)
                .isEqualTo(Optional.of(essayOfB));
    }

    @Test
    void concurrentRaisesGroupedIntoSharedStatementsAddEachAlertOnce() throws Exception {
        World world = World.create(store, 1);
        PersonId assistant = World.person(store, world.tenant());
        store.enrollments().enroll(world.tenant(), world.course(), assistant, EnrollmentRole.TEACHING_ASSISTANT,
                World.TERM_START, Optional.empty());
        AlertRuleId rule = mtldRule(world);
        List<SubmissionId> essays = IntStream.rangeClosed(1, 20).mapToObj(day -> submit(world,
                world.students().getFirst(), "2026-09-%02dT10:00:00Z".formatted(day))).toList();
        AtomicInteger statements = new AtomicInteger();
        GroupCommit<SubmissionAlert, Long> raising = new GroupCommit<>((tenant, alerts) -> {
            statements.incrementAndGet();
            return store.alerts().raise(tenant, alerts);
        }, 16, 2);

        List<Long> added = new ArrayList<>();
        try (var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> results = IntStream.range(0, 60)
                    .mapToObj(i -> callers.submit(() -> raising.write(world.tenant(), mtld(rule, essays.get(i % 20),
                            20)))).toList();
            for (Future<Long> result : results) {
                added.add(result.get(30, TimeUnit.SECONDS));
            }
        }

        assertThat(statements.get()).as("60 raises in fewer statements").isLessThan(60);
        for (int essay = 0; essay < 20; essay++) {
            assertThat(List.of(added.get(essay), added.get(essay + 20), added.get(essay + 40)))
                    .as("essay %d, asked three times", essay).containsExactlyInAnyOrder(2L, 0L, 0L);
        }
        assertThat(store.alerts().forCourse(world.tenant(), world.course(), 100, Consistency.READ_YOUR_WRITES))
                .hasSize(40);
    }

    @Test
    void anInactivityAlertConcernsNoSubmission() {
        assertThatThrownBy(() -> new SubmissionAlert(new AlertRuleId(UUID.randomUUID()), RuleKind.INACTIVITY,
                SubmissionId.generate(), Optional.empty(), 14, DURING_TERM))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inactivityRaisesOncePerStretchAndAgainAfterTheStudentSubmitsAndFallsIdleAnew() {
        World world = World.create(store, 4);
        PersonId idle = world.students().get(0);
        PersonId active = world.students().get(1);
        PersonId never = world.students().get(2);
        PersonId neverEither = world.students().get(3);
        submit(world, idle, "2026-09-03T10:00:00Z");
        submit(world, active, "2026-09-27T10:00:00Z");
        AlertRuleId rule = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.empty(),
                RuleKind.INACTIVITY, "{\"days\": 14}", world.teacher()));
        LocalDate today = LocalDate.parse("2026-09-29");

        List<InactivityRaised> first = store.alerts().raiseInactivity(world.tenant(), rule, Optional.empty(),
                today.minusDays(14), today);

        assertThat(first).as("two idle since the same day are two stretches")
                .extracting(InactivityRaised::student).containsExactlyInAnyOrder(idle, never, neverEither);
        assertThat(first).allSatisfy(raised -> {
            assertThat(raised.course()).isEqualTo(world.course());
            assertThat(raised.recipients()).isEqualTo(1);
        });
        assertThat(open(world, world.teacher())).filteredOn(alert -> alert.student().equals(idle)).singleElement()
                .satisfies(alert -> {
                    assertThat(alert.kind()).isEqualTo(RuleKind.INACTIVITY);
                    assertThat(alert.submission()).isEmpty();
                    assertThat(alert.metric()).isEmpty();
                    assertThat(alert.observed()).isEqualTo(26);
                });
        assertThat(store.alerts().raiseInactivity(world.tenant(), rule, Optional.empty(), today.minusDays(13),
                today.plusDays(1))).as("the same stretch, a day later").isEmpty();

        submit(world, idle, "2026-09-30T10:00:00Z");
        LocalDate later = LocalDate.parse("2026-10-20");
        assertThat(store.alerts().raiseInactivity(world.tenant(), rule, Optional.empty(), later.minusDays(14),
                later)).as("a new stretch for the first, a first one for the second; the third's goes on")
                .extracting(InactivityRaised::student).containsExactlyInAnyOrder(idle, active);
    }

    @Test
    void anEducatorsAlertsComePagedNewestFirstAndFiltered() {
        World world = World.create(store, 1);
        AlertRuleId rule = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.empty(),
                RuleKind.SIMILARITY, "{\"threshold\": 0.5}", world.teacher()));
        for (int day = 10; day < 15; day++) {
            SubmissionId submission = submit(world, world.students().getFirst(), "2026-09-" + day + "T10:00:00Z");
            raise(world, similarity(rule, submission, 0.9));
        }
        List<Alert> all = store.alerts().forEducator(world.tenant(), world.teacher(), AlertFilter.all(),
                Optional.empty(), 10, Consistency.READ_YOUR_WRITES).alerts();
        assertThat(all).hasSize(5);
        assertThat(all).extracting(Alert::raisedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));

        List<Alert> paged = new ArrayList<>();
        Optional<AlertPosition> after = Optional.empty();
        for (int page = 0; page < 3; page++) {
            AlertPage alerts = store.alerts().forEducator(world.tenant(), world.teacher(), AlertFilter.all(),
                    after, 2, Consistency.READ_YOUR_WRITES);
            paged.addAll(alerts.alerts());
            after = alerts.alerts().isEmpty() ? after : Optional.of(alerts.after(alerts.alerts().getLast()));
        }
        assertThat(paged).extracting(Alert::id).containsExactlyElementsOf(all.stream().map(Alert::id).toList());

        CourseId other = store.courses().create(world.tenant(), "OTHER-" + world.course(), "Other");
        AlertFilter otherCourse = new AlertFilter(Optional.empty(), Optional.of(other), Optional.empty());
        assertThat(store.alerts().forEducator(world.tenant(), world.teacher(), otherCourse, Optional.empty(), 10,
                Consistency.READ_YOUR_WRITES).alerts()).isEmpty();
    }

    @Test
    void aListingOfWhatAnEarlierOneDidNotSeeGetsEachAlertOnceWhateverTheOrderOfTheirCommits() throws Exception {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        AlertRuleId rule = mtldRule(world);
        SubmissionId slow = submit(world, student, "2026-09-10T10:00:00Z");
        SubmissionId quick = submit(world, student, "2026-09-11T10:00:00Z");
        AlertPage first;
        AlertId slowAlert;
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared())) {
            owner.setAutoCommit(false);
            slowAlert = raiseUncommitted(owner, world, rule, slow);
            // Raised (and ordered) after the slow one, visible before it.
            raise(world, rule, quick);
            first = listing(world, AlertFilter.all(), Optional.empty(), 10);
            owner.commit();
        }
        assertThat(first.alerts()).singleElement().extracting(Alert::submission).isEqualTo(Optional.of(quick));

        AlertPage second = listing(world, unseenBy(first.listing()), Optional.empty(), 10);
        assertThat(second.alerts()).as("the alert raised earlier but committed after the first listing")
                .extracting(Alert::id).containsExactly(slowAlert);
        assertThat(second.alerts().getFirst().raisedAt()).as("ordered behind the alert the first listing saw")
                .isBefore(first.alerts().getFirst().raisedAt());
        assertThat(listing(world, unseenBy(second.listing()), Optional.empty(), 10).alerts()).isEmpty();
    }

    @Test
    void pagesOfAListingKeepToWhatItsFirstPageSawAndLeaveTheRestToTheNext() throws Exception {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        AlertRuleId rule = mtldRule(world);
        raise(world, rule, submit(world, student, "2026-09-10T10:00:00Z"));
        AlertPage before = listing(world, AlertFilter.all(), Optional.empty(), 10);
        AlertFilter since = unseenBy(before.listing());
        List<SubmissionId> unseen = new ArrayList<>();
        List<Alert> paged = new ArrayList<>();
        AlertPage page;
        AlertId held;
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared())) {
            owner.setAutoCommit(false);
            held = raiseUncommitted(owner, world, rule, submit(world, student, "2026-09-11T10:00:00Z"));
            for (int day = 12; day < 17; day++) {
                SubmissionId submission = submit(world, student, "2026-09-" + day + "T10:00:00Z");
                raise(world, rule, submission);
                unseen.add(submission);
            }
            page = listing(world, since, Optional.empty(), 2);
            paged.addAll(page.alerts());
            // Committed between the pages, and older than every alert of the first.
            owner.commit();
        }
        while (!page.alerts().isEmpty()) {
            page = listing(world, since, Optional.of(page.after(page.alerts().getLast())), 2);
            paged.addAll(page.alerts());
        }

        assertThat(paged).extracting(alert -> alert.submission().orElseThrow())
                .containsExactlyInAnyOrderElementsOf(unseen);
        assertThat(paged).extracting(Alert::raisedAt).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(listing(world, unseenBy(page.listing()), Optional.empty(), 10).alerts())
                .as("committed while the pages were read: the next listing's").extracting(Alert::id)
                .containsExactly(held);
        assertThat(listing(world, new AlertFilter(Optional.of(AlertStatus.ACKNOWLEDGED), Optional.empty(),
                Optional.of(before.listing())), Optional.empty(), 10).alerts()).isEmpty();
    }

    @Test
    void theNewestPageAnEducatorReadsShowsOnlyTheStudentsTheyTeachToday() {
        World world = World.create(store, 2);
        PersonId stays = world.students().getFirst();
        PersonId left = world.students().getLast();
        AlertRuleId rule = mtldRule(world);
        for (PersonId student : List.of(stays, left)) {
            raise(world, mtld(rule, submit(world, student, "2026-09-10T10:00:00Z"), 20));
        }
        store.enrollments().end(world.tenant(), world.course(), left, EnrollmentRole.STUDENT,
                World.TERM_START.plusDays(14));
        Store asTeacher = store.actingFor(Actor.educator(world.teacher()));

        for (int call = 0; call < 7; call++) {
            assertThat(asTeacher.alerts().forEducator(world.tenant(), world.teacher(), AlertFilter.all(),
                    Optional.empty(), 10, Consistency.READ_YOUR_WRITES).alerts())
                    .as("call %d, planned once per connection after the first", call)
                    .singleElement().extracting(Alert::student).isEqualTo(stays);
        }
        assertThat(store.alerts().forEducator(world.tenant(), world.teacher(), AlertFilter.all(), Optional.empty(),
                10, Consistency.READ_YOUR_WRITES).alerts())
                .as("the service sees every alert addressed to the educator")
                .extracting(Alert::student).containsExactlyInAnyOrder(stays, left);
    }

    @Test
    void onlyTheRecipientChangesAnAlertsStatusAndAcknowledgingTwiceIsHarmless() {
        World world = World.create(store, 1);
        AlertRuleId rule = mtldRule(world);
        SubmissionId submission = submit(world, world.students().getFirst(), "2026-09-29T10:00:00Z");
        raise(world, mtld(rule, submission, 12));
        Alert alert = open(world, world.teacher()).getFirst();

        assertThat(store.alerts().changeStatus(world.tenant(), alert.id(), world.students().getFirst(),
                AlertStatus.DISMISSED)).isFalse();
        assertThat(store.alerts().acknowledge(world.tenant(), alert.id(), world.students().getFirst())).isEmpty();
        assertThat(store.alerts().acknowledge(world.tenant(), alert.id(), world.teacher()))
                .contains(AlertStatus.ACKNOWLEDGED);
        assertThat(store.alerts().acknowledge(world.tenant(), alert.id(), world.teacher()))
                .contains(AlertStatus.ACKNOWLEDGED);
        assertThat(open(world, world.teacher())).isEmpty();
        assertThat(store.alerts().changeStatus(world.tenant(), alert.id(), world.teacher(), AlertStatus.DISMISSED))
                .isTrue();
        assertThat(store.alerts().acknowledge(world.tenant(), alert.id(), world.teacher()))
                .as("a dismissed alert stays dismissed").contains(AlertStatus.DISMISSED);
    }

    private static SubmissionId submit(World world, PersonId student, String at) {
        return submit(world, world.course(), student, at);
    }

    private static SubmissionId submit(World world, CourseId course, PersonId student, String at) {
        return store.submissions().submit(world.tenant(), new NewSubmission(course, student, Instant.parse(at),
                World.opaque("essay")));
    }

    /** An institution-wide rule of the world's teacher: MTLD below 40. */
    private static AlertRuleId mtldRule(World world) {
        return store.alertRules().create(world.tenant(), new NewAlertRule(Optional.empty(),
                RuleKind.METRIC_THRESHOLD, MTLD_BELOW_40, world.teacher()));
    }

    private static void raise(World world, AlertRuleId rule, SubmissionId submission) {
        raise(world, mtld(rule, submission, 20));
    }

    /** Raises one alert alone, in a group of its own, and returns how many it added. */
    private static long raise(World world, SubmissionAlert alert) {
        return store.alerts().raise(world.tenant(), List.of(alert)).getFirst();
    }

    /** An MTLD rule's alert about a submission, raised during the term. */
    private static SubmissionAlert mtld(AlertRuleId rule, SubmissionId submission, double observed) {
        return new SubmissionAlert(rule, RuleKind.METRIC_THRESHOLD, submission, Optional.of(Metric.MTLD), observed,
                DURING_TERM);
    }

    /** A similarity rule's alert about a submission, raised during the term. */
    private static SubmissionAlert similarity(AlertRuleId rule, SubmissionId submission, double observed) {
        return new SubmissionAlert(rule, RuleKind.SIMILARITY, submission, Optional.empty(), observed, DURING_TERM);
    }

    /** Raises the rule's alert about a submission to the world's teacher in the owner's open transaction. */
    private static AlertId raiseUncommitted(Connection owner, World world, AlertRuleId rule, SubmissionId submission)
            throws Exception {
        try (PreparedStatement raise = owner.prepareStatement("""
                INSERT INTO alerts (institution_id, rule_id, kind, course_id, student_id, educator_id, submission_id,
                                    metric, observed, dedup_key)
                SELECT institution_id, ?, 'metric_threshold', course_id, student_id, ?, id, 'mtld', 12,
                       'submission:' || id
                FROM submissions WHERE institution_id = ? AND id = ?
                RETURNING id""")) {
            raise.setObject(1, rule.value());
            raise.setObject(2, world.teacher().value());
            raise.setObject(3, world.tenant().value());
            raise.setObject(4, submission.value());
            try (ResultSet raised = raise.executeQuery()) {
                raised.next();
                return new AlertId(raised.getObject(1, UUID.class));
            }
        }
    }

    private static AlertFilter unseenBy(ListingSnapshot listing) {
        return new AlertFilter(Optional.empty(), Optional.empty(), Optional.of(listing));
    }

    private static AlertPage listing(World world, AlertFilter filter, Optional<AlertPosition> after, int limit) {
        return store.alerts().forEducator(world.tenant(), world.teacher(), filter, after, limit,
                Consistency.READ_YOUR_WRITES);
    }

    private static List<Alert> open(World world, PersonId educator) {
        AlertFilter open = new AlertFilter(Optional.of(AlertStatus.OPEN), Optional.empty(), Optional.empty());
        return store.alerts().forEducator(world.tenant(), educator, open, Optional.empty(), 10,
                Consistency.READ_YOUR_WRITES).alerts();
    }
}
