package org.margin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.margin.store.local.LocalDatabase;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** PostgreSQL goes away and comes back: calls fail typed and retryable, nothing is half-written, the pool heals. */
class OutageTest {

    private Path directory;
    private int port;
    private LocalDatabase database;
    private Store store;
    private World world;

    @BeforeEach
    void runningDatabaseWithAWarmPool() throws Exception {
        directory = TestDatabases.fresh("outage");
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        database = LocalDatabase.start(directory, port);
        store = TestDatabases.patientStore(database).maxPoolSize(4).build();
        world = World.create(store, 1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            IntStream.range(0, 16).mapToObj(i -> threads.submit(() -> store.courses().find(world.tenant(),
                    world.course(), Consistency.READ_YOUR_WRITES))).toList().forEach(OutageTest::await);
        }
    }

    @AfterEach
    void stop() {
        store.close();
        database.close();
    }

    @Test
    void callsFailAsRetryableWhileTheServerIsDownAndSucceedOnceItIsBack() throws SQLException {
        database.close();

        assertThatThrownBy(() -> submit("during the outage"))
                .isInstanceOfSatisfying(StoreUnavailableException.class, unavailable -> {
                    assertThat(unavailable.retryable()).isTrue();
                    assertThat(unavailable.retryAfter()).isPositive();
                });
        assertThatThrownBy(() -> store.courses().find(world.tenant(), world.course(), Consistency.STALE_OK))
                .isInstanceOf(StoreUnavailableException.class);

        database = LocalDatabase.start(directory, port);

        SubmissionId after = submit("after the outage");
        assertThat(store.submissions().find(world.tenant(), after, Consistency.READ_YOUR_WRITES)).isPresent();
        assertThat(bodiesOf(world, "during the outage")).isZero();
    }

    @Test
    void aTransactionCutShortByTheServerStoppingLeavesNothing() throws Exception {
        AtomicReference<UUID> inserted = new AtomicReference<>();

        assertThatThrownBy(() -> store.transactions().write(world.tenant(), "two-step write", connection ->
                Sql.rows(connection, "INSERT INTO people (institution_id) VALUES ($1) RETURNING id",
                                row -> row.get("id", UUID.class), world.tenant().value())
                        .single()
                        .doOnNext(inserted::set)
                        .then(Mono.fromRunnable(database::close).subscribeOn(Schedulers.boundedElastic()))
                        .then(Mono.defer(() -> Sql.update(connection, "INSERT INTO person_identities (institution_id,"
                                        + " person_id, lms_user_id, lms_user_lookup) VALUES ($1, $2, $3, $4)",
                                world.tenant().value(), inserted.get(), new byte[] {1}, new byte[] {2})))))
                .isInstanceOf(StoreUnavailableException.class);

        database = LocalDatabase.start(directory, port);
        assertThat(inserted.get()).as("the first statement ran").isNotNull();
        try (Connection owner = TestDatabases.asOwner(database);
             PreparedStatement statement = owner.prepareStatement("SELECT count(*) FROM people WHERE id = ?")) {
            statement.setObject(1, inserted.get());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).isZero();
            }
        }
        assertThat(submit("healed")).isNotNull();
    }

    private SubmissionId submit(String text) {
        return store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                world.students().getFirst(), Instant.now(), World.opaque(text)));
    }

    private long bodiesOf(World world, String text) throws SQLException {
        try (Connection owner = TestDatabases.asOwner(database);
             PreparedStatement statement = owner.prepareStatement(
                     "SELECT count(*) FROM submissions WHERE institution_id = ? AND body = ?")) {
            statement.setObject(1, world.tenant().value());
            statement.setBytes(2, World.opaque(text).bytes());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.get();
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }
}
