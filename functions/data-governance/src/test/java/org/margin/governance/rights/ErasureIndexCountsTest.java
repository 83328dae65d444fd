package org.margin.governance.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.governance.GovernanceWorld;
import org.margin.governance.TestContext;
import org.margin.governance.retention.RetentionTools;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Consistency;
import org.margin.store.integrity.Fingerprint;
import org.margin.store.integrity.HashFrequencies;
import org.margin.store.people.PersonId;
import org.margin.store.subject.NewDataRequest;
import org.margin.store.subject.Regime;
import org.margin.store.subject.RequestChannel;
import org.margin.store.subject.RequestKind;
import org.margin.store.submission.SubmissionId;

/**
 * The integrity index's counts after an erasure: read lowered as soon as it commits, and its debits folded into the
 * stored counts by the erasure's own follow-up or, when that never ran (a crash right after the commit), by the next
 * retention run. Real PostgreSQL, grid and event sink.
 */
class ErasureIndexCountsTest {

    private static final List<Long> HASHES = List.of(7L, 100L, 101L, 200L, 201L);
    /** What filing only the second student's two submissions makes: hash 7 held by both, 200 and 201 by one. */
    private static final HashFrequencies KEPT_ONLY = new HashFrequencies(2, Map.of(7L, 2, 200L, 1, 201L, 1));

    private static GovernanceWorld world;

    @BeforeAll
    static void start() {
        world = GovernanceWorld.get();
    }

    /** Two students, two fingerprinted submissions each: hash 7 in all four, 100 + i and 200 + i their own. */
    private static GovernanceWorld.School filed() {
        GovernanceWorld.School school = world.school(2);
        for (int s = 0; s < 2; s++) {
            for (int i = 0; i < 2; i++) {
                SubmissionId id = world.submit(school, school.students().get(s), "Essay " + i, i);
                world.store().fingerprints().record(school.tenant(), id, List.of(
                        new Fingerprint(Fingerprint.Kind.PASSAGE, 7, 0, 0, 5),
                        new Fingerprint(Fingerprint.Kind.PASSAGE, 100 * (s + 1) + i, 1, 6, 11),
                        new Fingerprint(Fingerprint.Kind.WORD, 7, 0, 0, 3)));
            }
        }
        assertThat(frequencies(school)).isEqualTo(new HashFrequencies(4, Map.of(7L, 4, 100L, 1, 101L, 1, 200L, 1,
                201L, 1)));
        world.store().indexCounts().apply(school.tenant());
        return school;
    }

    private static HashFrequencies frequencies(GovernanceWorld.School school) {
        return world.store().fingerprints().frequencies(school.tenant(), school.course(), HASHES,
                Consistency.READ_YOUR_WRITES);
    }

    /** How many hash changes the institution has pending, not yet folded into its stored counts. */
    private static long pending(GovernanceWorld.School school) throws SQLException {
        try (Connection superuser = DriverManager.getConnection(world.database.jdbcUrl(), "postgres", "");
             PreparedStatement query = superuser.prepareStatement("SELECT coalesce(sum(cardinality(hashes)), 0)"
                     + " FROM margin.fingerprint_count_deltas WHERE institution_id = ?")) {
            query.setObject(1, school.tenant().value());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void theErasureFoldsItsDebitsRightAfterItsCommit() throws Exception {
        GovernanceWorld.School school = filed();
        StudentErasure erasure = new StudentErasure(world.store(), new StudentCaches(world.platform.grid()),
                world.platform.sink(), world.platform.events(), Clock.systemUTC());

        erasure.erase(school.tenant(), school.students().getFirst(), Regime.GDPR, Optional.empty()).orElseThrow();

        assertThat(frequencies(school)).as("read at once").isEqualTo(KEPT_ONLY);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (pending(school) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(pending(school)).isZero();
        assertThat(frequencies(school)).isEqualTo(KEPT_ONLY);
    }

    @Test
    void debitsAnErasureLeftUnfoldedAreFoldedByTheNextRetentionRun() throws Exception {
        GovernanceWorld.School school = filed();
        PersonId erased = school.students().getFirst();
        Instant now = Instant.now();
        // The store's erasure alone: the process stops before its follow-up starts.
        world.store().subjects().erase(school.tenant(), erased, new NewDataRequest(erased, RequestKind.ERASURE,
                Regime.GDPR, RequestChannel.TOOL, now, now.plus(30, ChronoUnit.DAYS)), Optional.empty())
                .orElseThrow();
        assertThat(frequencies(school)).as("read lowered at once").isEqualTo(KEPT_ONLY);
        assertThat(pending(school)).as("and not yet folded").isPositive();

        var admin = TestContext.caller(Role.ADMINISTRATOR, school.tenant().value(), Optional.of(UUID.randomUUID()),
                RetentionTools.SCOPE);
        assertThat(world.call(RetentionTools.RUN, TestContext.of(admin, Json.object())))
                .isInstanceOf(ToolResult.class);

        assertThat(pending(school)).isZero();
        assertThat(frequencies(school)).isEqualTo(KEPT_ONLY);
    }
}
