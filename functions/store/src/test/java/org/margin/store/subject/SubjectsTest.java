package org.margin.store.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.margin.store.integrity.Fingerprint.Kind.PASSAGE;
import static org.margin.store.integrity.Fingerprint.Kind.WORD;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.StoreRejectedException;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.alert.AlertRuleId;
import org.margin.store.alert.NewAlertRule;
import org.margin.store.alert.RuleKind;
import org.margin.store.alert.SubmissionAlert;
import org.margin.store.consent.GivenBy;
import org.margin.store.consent.HeldEvent;
import org.margin.store.consent.NewConsent;
import org.margin.store.consent.Purpose;
import org.margin.store.integrity.Fingerprint;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.profile.SampleMetrics;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;

/** Reading and erasing everything about one person, on a real PostgreSQL as the application role. */
class SubjectsTest {

    private static final Instant SUBMITTED = Instant.parse("2026-09-20T10:00:00Z");
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

    /** Two students of one course, each with two analysed, fingerprinted submissions; the first with more. */
    private record Class(World world, PersonId erased, PersonId kept, List<SubmissionId> erasedSubmissions) {
    }

    private static Class populated() throws SQLException {
        World world = World.create(store, 2);
        PersonId erased = world.students().get(0);
        PersonId kept = world.students().get(1);
        Random random = new Random(7);
        AlertRuleId rule = store.alertRules().create(world.tenant(), new NewAlertRule(Optional.of(world.course()),
                RuleKind.METRIC_THRESHOLD, "{\"metric\": \"mtld\", \"comparison\": \"below\", \"threshold\": 40}",
                world.teacher()));
        List<SubmissionId> erasedSubmissions = new ArrayList<>();
        for (PersonId student : List.of(erased, kept)) {
            for (int i = 0; i < 2; i++) {
                SubmissionId submission = store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                        student, SUBMITTED.plus(i, ChronoUnit.DAYS), World.opaque("text " + i + " of " + student)));
                store.profiles().record(world.tenant(), submission, SampleMetrics.draw(random));
                // Hash 22 is held by every submission; 100 + i only by this student's submission i.
                long own = student.equals(erased) ? 100 + i : 200 + i;
                store.fingerprints().record(world.tenant(), submission, List.of(
                        new Fingerprint(PASSAGE, 22, 0, 0, 7), new Fingerprint(PASSAGE, own, 1, 10, 17),
                        new Fingerprint(WORD, 22, 0, 0, 5)));
                store.integrityReports().save(world.tenant(), submission, World.opaque("{\"matches\": []}"));
                if (student.equals(erased)) {
                    erasedSubmissions.add(submission);
                    store.alerts().raise(world.tenant(), List.of(new SubmissionAlert(rule, RuleKind.METRIC_THRESHOLD,
                            submission, Optional.of(Metric.MTLD), 31.5, DURING_TERM)));
                }
            }
            deadLetterAbout(student);
            store.consents().record(world.tenant(), new NewConsent(student, Purpose.ANALYSIS, GivenBy.STUDENT,
                    Optional.empty(), SUBMITTED));
            store.heldEvents().hold(world.tenant(), new HeldEvent(UUID.randomUUID(), student,
                    "held-" + UUID.randomUUID(), World.opaque("an event held for " + student)));
        }
        store.indexCounts().apply(world.tenant());
        return new Class(world, erased, kept, erasedSubmissions);
    }

    @Test
    void erasureLeavesNoTraceOfThePersonAnywhereAndTouchesNoOneElse() throws SQLException {
        Class school = populated();
        ErasureCounts keptBefore = store.subjects().counts(school.world().tenant(), school.kept(),
                Consistency.READ_YOUR_WRITES).orElseThrow();
        ErasureCounts before = store.subjects().counts(school.world().tenant(), school.erased(),
                Consistency.READ_YOUR_WRITES).orElseThrow();
        assertThat(before).isEqualTo(new ErasureCounts(1, 1, 2, 2, 1, 2, 6, 2, 1, 1, 1));

        Erased erased = store.subjects().erase(school.world().tenant(), school.erased(), request(school.erased()),
                Optional.empty()).orElseThrow();

        assertThat(erased.counts()).isEqualTo(before);
        assertThat(erased.submissions()).containsExactlyInAnyOrderElementsOf(school.erasedSubmissions());
        assertThat(tracesOf(school.erased().value())).as("tables still naming the erased person").isEmpty();
        for (SubmissionId submission : school.erasedSubmissions()) {
            assertThat(tracesOf(submission.value())).as("tables still naming an erased submission").isEmpty();
        }
        assertThat(store.subjects().counts(school.world().tenant(), school.kept(), Consistency.READ_YOUR_WRITES))
                .contains(keptBefore);
        assertThat(tracesOf(school.kept().value())).containsKeys("submissions", "writing_metrics",
                "profile_aggregates", "enrollments", "person_identities", "consents", "held_events", "dead_letters");
        // The index's counts are lowered after the erasure, by the debits it left; then they are what filing only
        // the kept student's submissions would have made.
        assertThat(frequencies(school.world().course().value())).containsEntry("course", 4L);
        store.indexCounts().apply(school.world().tenant());
        assertThat(frequencies(school.world().course().value())).isEqualTo(Map.of(
                "22", 2L, "200", 1L, "201", 1L, "course", 2L));
        assertThat(store.dataRequests().find(school.world().tenant(), erased.request(), Consistency.READ_YOUR_WRITES))
                .hasValueSatisfying(request -> {
                    assertThat(request.status()).isEqualTo(RequestStatus.COMPLETED);
                    assertThat(request.receipt()).hasValueSatisfying(receipt ->
                            assertThat(receipt).contains("\"submissions\": 2").contains("\"dead_letters\": 1"));
                });
        assertThat(store.subjects().erase(school.world().tenant(), school.erased(), request(school.erased()),
                Optional.empty())).as("erased already").isEmpty();
    }

    @Test
    void anotherTenantCannotEraseOrReadThePerson() throws SQLException {
        Class school = populated();
        World elsewhere = World.create(store, 1);

        assertThat(store.subjects().erase(elsewhere.tenant(), school.erased(), request(school.erased()),
                Optional.empty())).isEmpty();
        assertThat(store.subjects().records(elsewhere.tenant(), school.erased(), Consistency.READ_YOUR_WRITES))
                .isEmpty();
        assertThat(tracesOf(school.erased().value())).containsKeys("submissions", "dead_letters");
    }

    @Test
    void anErasureAnsweringAFiledRequestCompletesItAndAWrongRequestErasesNothing() throws SQLException {
        Class school = populated();
        Instant now = Instant.now();
        DataRequestId filed = store.dataRequests().file(school.world().tenant(), new NewDataRequest(school.erased(),
                RequestKind.ERASURE, Regime.CCPA, RequestChannel.OUTSIDE, now, now.plus(45, ChronoUnit.DAYS)));
        DataRequestId export = store.dataRequests().file(school.world().tenant(), new NewDataRequest(school.erased(),
                RequestKind.EXPORT, Regime.CCPA, RequestChannel.OUTSIDE, now, now.plus(45, ChronoUnit.DAYS)));

        assertThatThrownBy(() -> store.subjects().erase(school.world().tenant(), school.erased(),
                request(school.erased()), Optional.of(export)))
                .isInstanceOfSatisfying(StoreRejectedException.class, rejected ->
                        assertThat(rejected.constraint()).isEqualTo("data_requests_open"));
        assertThat(tracesOf(school.erased().value())).containsKeys("submissions", "dead_letters");

        Erased erased = store.subjects().erase(school.world().tenant(), school.erased(), request(school.erased()),
                Optional.of(filed)).orElseThrow();

        assertThat(erased.request()).isEqualTo(filed);
        assertThat(store.dataRequests().list(school.world().tenant(), Optional.of(RequestStatus.RECEIVED), 10,
                Consistency.READ_YOUR_WRITES)).extracting(DataRequest::id).containsExactly(export);
    }

    @Test
    void recordsHoldEveryCategory() throws SQLException {
        Class school = populated();

        SubjectRecords records = store.subjects().records(school.world().tenant(), school.erased(),
                Consistency.READ_YOUR_WRITES).orElseThrow();

        assertThat(records.identity()).isPresent();
        assertThat(records.submissions()).hasSize(2).allSatisfy(submission ->
                assertThat(submission.student()).isEqualTo(school.erased()));
        assertThat(records.records())
                .contains("\"enrollments\": [{", "\"metrics\": [{", "\"profile\": {", "\"alerts\": [{",
                        "\"integrityReports\": [{", "\"fingerprints\": [{", "\"consents\": [{",
                        "\"heldEvents\": [{", "\"dataRequests\": []")
                .doesNotContain(school.kept().value().toString());
        assertThat(store.subjects().records(school.world().tenant(), new PersonId(UUID.randomUUID()),
                Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    private static NewDataRequest request(PersonId person) {
        Instant now = Instant.now();
        return new NewDataRequest(person, RequestKind.ERASURE, Regime.GDPR, RequestChannel.TOOL, now,
                now.plus(30, ChronoUnit.DAYS));
    }

    /**
     * Every table of the schema, from the catalogue, and how many of its rows mention the id: in any column as
     * text, or inside any bytea column as UTF-8. The data-request log is left out: keeping the pseudonym of whoever
     * asked, and when it was answered, is the institution's proof that it did.
     */
    static Map<String, Long> tracesOf(UUID id) throws SQLException {
        Map<String, Long> traces = new LinkedHashMap<>();
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared())) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = owner.createStatement().executeQuery("""
                    SELECT table_name FROM information_schema.tables
                    WHERE table_schema = 'margin' AND table_type = 'BASE TABLE'
                      AND table_name NOT IN ('flyway_schema_history', 'data_requests')
                    ORDER BY table_name""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            assertThat(tables).contains("people", "submissions", "dead_letters", "fingerprint_frequencies");
            for (String table : tables) {
                List<String> byteColumns = new ArrayList<>();
                try (PreparedStatement columns = owner.prepareStatement("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = 'margin' AND table_name = ? AND data_type = 'bytea'""")) {
                    columns.setString(1, table);
                    try (ResultSet rows = columns.executeQuery()) {
                        while (rows.next()) {
                            byteColumns.add(rows.getString(1));
                        }
                    }
                }
                StringBuilder sql = new StringBuilder("SELECT count(*) FROM margin.\"" + table + "\" t WHERE t::text "
                        + "LIKE '%' || ? || '%'");
                for (String column : byteColumns) {
                    sql.append(" OR position(?::bytea in t.\"").append(column).append("\") > 0");
                }
                try (PreparedStatement count = owner.prepareStatement(sql.toString())) {
                    count.setString(1, id.toString());
                    for (int i = 0; i < byteColumns.size(); i++) {
                        count.setBytes(2 + i, id.toString().getBytes(StandardCharsets.UTF_8));
                    }
                    try (ResultSet rows = count.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            traces.put(table, rows.getLong(1));
                        }
                    }
                }
            }
        }
        return traces;
    }

    private static Map<String, Long> frequencies(UUID course) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement hashes = owner.prepareStatement("""
                     SELECT hash::text, submissions FROM fingerprint_frequencies WHERE course_id = ?
                     UNION ALL SELECT 'course', submissions FROM fingerprinted_courses WHERE course_id = ?""")) {
            hashes.setObject(1, course);
            hashes.setObject(2, course);
            try (ResultSet rows = hashes.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return counts;
    }

    private static void deadLetterAbout(PersonId student) throws SQLException {
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement insert = owner.prepareStatement("""
                     INSERT INTO dead_letters (type, source, event_id, event) VALUES (?, ?, ?, ?)""")) {
            insert.setString(1, "org.margin.submission.created.v1");
            insert.setString(2, "urn:margin:lms-ingress");
            insert.setString(3, UUID.randomUUID().toString());
            insert.setBytes(4, ("{\"data\":{\"studentId\":\"" + student.value() + "\"}}")
                    .getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
    }

}
