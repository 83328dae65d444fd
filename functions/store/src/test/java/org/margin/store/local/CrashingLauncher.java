package org.margin.store.local;

import java.nio.file.Path;
import java.time.Instant;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.submission.NewSubmission;

/**
 * Run in a child JVM by {@link LocalDatabaseTest}: starts the local database, writes one submission, prints where
 * to find it, and dies at once, as a killed launcher would, leaving the server running.
 */
public final class CrashingLauncher {

    private CrashingLauncher() {
    }

    public static void main(String[] args) {
        LocalDatabase database = LocalDatabase.start(Path.of(args[0]));
        Store store = TestDatabases.patientStore(database).build();
        World world = World.create(store, 1);
        var submission = store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                world.students().getFirst(), Instant.parse("2026-10-03T12:00:00Z"), World.opaque("before the crash")));
        System.out.println(world.tenant() + " " + submission);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
