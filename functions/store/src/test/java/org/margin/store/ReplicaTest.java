package org.margin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.local.LocalDatabase;
import org.margin.store.profile.Profile;
import org.margin.store.profile.SampleMetrics;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;

/** A real streaming replica: stale-tolerant reads go to it, read-your-writes reads and writes to the primary. */
class ReplicaTest {

    private static final Duration REPLICATION_PATIENCE = Duration.ofSeconds(20);

    private static LocalDatabase primary;
    private static StreamingReplica replica;
    private static Store store;

    @BeforeAll
    static void primaryAndStandby() throws Exception {
        primary = LocalDatabase.start(TestDatabases.fresh("replication-primary"));
        replica = StreamingReplica.of(primary, TestDatabases.fresh("replication-standby"));
        store = TestDatabases.patientStore(primary).replica(replica.r2dbcUrl()).build();
    }

    @AfterAll
    static void stopAll() throws Exception {
        store.close();
        replica.close();
        primary.close();
    }

    @Test
    void theReplicaIsAStandbyStreamingFromThePrimary() throws SQLException {
        try (Connection standby = replica.superuser()) {
            assertThat(single(standby, "SELECT pg_is_in_recovery()")).isEqualTo("t");
            assertThat(single(standby, "SELECT status FROM pg_stat_wal_receiver")).isEqualTo("streaming");
        }
    }

    @Test
    void aWriteOnThePrimaryBecomesVisibleOnTheReplicaAndReadYourWritesSeesItAtOnce() throws Exception {
        World world = World.create(store, 1);
        record(world, 0);
        assertThat(eventually(() -> profileCount(world, Consistency.STALE_OK))).isEqualTo(1L);

        try (Connection standby = replica.superuser(); Statement statement = standby.createStatement()) {
            statement.execute("SELECT pg_wal_replay_pause()");
            waitUntil(() -> "paused".equals(query(standby, "SELECT pg_get_wal_replay_pause_state()")));
            try {
                record(world, 1);

                assertThat(profileCount(world, Consistency.READ_YOUR_WRITES)).as("from the primary")
                        .contains(2L);
                assertThat(profileCount(world, Consistency.STALE_OK)).as("from the paused replica").contains(1L);
            } finally {
                statement.execute("SELECT pg_wal_replay_resume()");
            }
        }
        waitUntil(() -> profileCount(world, Consistency.STALE_OK).equals(Optional.of(2L)));
        assertThat(profileCount(world, Consistency.STALE_OK)).contains(2L);
    }

    private static void record(World world, int index) {
        SubmissionId submission = store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                world.students().getFirst(), Instant.parse("2026-10-01T10:00:00Z").plusSeconds(index),
                World.opaque("essay " + index)));
        store.profiles().record(world.tenant(), submission, SampleMetrics.draw(new Random(index)));
    }

    private static Optional<Long> profileCount(World world, Consistency consistency) {
        return store.profiles().profile(world.tenant(), world.students().getFirst(), consistency)
                .map(Profile::submissions);
    }

    private static <T> T eventually(Supplier<Optional<T>> read) throws InterruptedException {
        waitUntil(() -> read.get().isPresent());
        return read.get().orElseThrow();
    }

    private static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(REPLICATION_PATIENCE);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not replicated within " + REPLICATION_PATIENCE);
            }
            Thread.sleep(20);
        }
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static String query(Connection connection, String sql) {
        try {
            return single(connection, sql);
        } catch (SQLException failure) {
            throw new AssertionError(failure);
        }
    }
}
