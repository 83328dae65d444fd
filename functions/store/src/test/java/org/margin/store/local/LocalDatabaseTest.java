package org.margin.store.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.Submission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

class LocalDatabaseTest {

    @Test
    void whatWasWrittenIsStillThereAfterAStopAndAStart() {
        Path directory = TestDatabases.fresh("persistence");
        World world;
        SubmissionId submission;
        Credentials app;
        try (LocalDatabase database = LocalDatabase.start(directory);
             Store store = TestDatabases.patientStore(database).build()) {
            assertThat(database.migration().applied()).isEqualTo(TestDatabases.migrationVersions().size());
            world = World.create(store, 1);
            submission = store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                    world.students().getFirst(), Instant.parse("2026-10-02T08:30:00Z"), World.opaque("kept")));
            app = database.app();
        }

        try (LocalDatabase database = LocalDatabase.start(directory);
             Store store = TestDatabases.patientStore(database).build()) {
            assertThat(database.migration().applied()).as("already migrated").isZero();
            assertThat(database.migration().schemaVersion())
                    .isEqualTo(Integer.toString(TestDatabases.migrationVersions().getLast()));
            assertThat(database.app()).isEqualTo(app);
            Submission read = store.submissions().find(world.tenant(), submission, Consistency.READ_YOUR_WRITES)
                    .orElseThrow();
            assertThat(read.body()).isEqualTo(World.opaque("kept"));
            assertThat(read.student()).isEqualTo(world.students().getFirst());
        }
    }

    @Test
    void theConnectionSettingsAreKnownBeforeTheStartAndReachTheDatabaseOnceItIsUp() throws IOException {
        Path directory = TestDatabases.fresh("settings-first");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> environment = LocalConnection.environment(directory, port);

        try (LocalDatabase database = LocalDatabase.start(directory, port);
             Store store = Store.builder().environment(environment).build()) {
            assertThat(environment.get(Store.Builder.URL)).isEqualTo(database.r2dbcUrl());
            assertThat(environment.get(Store.Builder.USER_PASSWORD)).isEqualTo(database.app().password());
            World world = World.create(store, 1);
            assertThat(store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                    world.students().getFirst(), Instant.parse("2026-10-02T08:30:00Z"), World.opaque("x"))))
                    .isNotNull();
        }
        assertThatThrownBy(() -> LocalConnection.environment(directory, 0))
                .hasMessageContaining("fixed");
    }

    @Test
    void aServerLeftRunningByAKilledLauncherIsStoppedAndItsDataKept() throws Exception {
        Path directory = TestDatabases.fresh("crash");
        Files.createDirectories(directory.getParent());
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingLauncher.class.getName(), directory.toString())
                .redirectError(directory.resolveSibling("crash.err").toFile())
                .start();
        String written = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(launcher.waitFor()).as(() -> "the launcher's errors: " + errors(directory)).isEqualTo(137);
        String[] ids = written.lines().reduce((first, last) -> last).orElseThrow().split(" ");
        assertThat(directory.resolve("cluster").resolve("postmaster.pid")).as("the server outlived its JVM").exists();

        try (LocalDatabase database = LocalDatabase.start(directory);
             Store store = TestDatabases.patientStore(database).build()) {
            assertThat(store.submissions().find(new TenantId(UUID.fromString(ids[0])),
                    new SubmissionId(UUID.fromString(ids[1])), Consistency.READ_YOUR_WRITES))
                    .hasValueSatisfying(found -> assertThat(found.body()).isEqualTo(World.opaque("before the crash")));
        }
    }

    private static String errors(Path directory) {
        try {
            return Files.readString(directory.resolveSibling("crash.err"));
        } catch (IOException unreadable) {
            return "unreadable";
        }
    }

    @Test
    void theApplicationRoleNeedsItsPasswordAndTheCredentialsStayPrivate() throws Exception {
        LocalDatabase database = TestDatabases.shared();

        assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), database.app().user(), "wrong"))
                .isInstanceOfSatisfying(SQLException.class,
                        refused -> assertThat(refused.getSQLState()).isEqualTo("28P01"));
        Path credentials = database.clusterDirectory().resolveSibling("credentials.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        assertThat(database.app().toString()).doesNotContain(database.app().password());
    }
}
