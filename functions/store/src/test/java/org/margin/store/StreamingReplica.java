package org.margin.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import org.margin.store.local.LocalConnection;
import org.margin.store.local.LocalDatabase;

/**
 * A hot standby of a {@link LocalDatabase}, fed by streaming replication. The embedded binaries ship no
 * pg_basebackup, so the standby starts from a copy of the primary's cluster taken between pg_backup_start and
 * pg_backup_stop (PostgreSQL's low-level base backup), with standby.signal and primary_conninfo added.
 */
final class StreamingReplica implements AutoCloseable {

    private static final String SLOT = "margin_replica";
    // Runtime state that a base backup leaves out (see PostgreSQL's "Making a Base Backup Using the Low Level API").
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map");
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_stat_tmp",
            "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_subtrans");

    private final EmbeddedPostgres standby;

    private StreamingReplica(EmbeddedPostgres standby) {
        this.standby = standby;
    }

    static StreamingReplica of(LocalDatabase primary, Path directory) throws IOException, SQLException {
        Path cluster = directory.resolve("cluster");
        Files.createDirectories(directory);
        Files.createDirectory(cluster,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try (Connection superuser = TestDatabases.asSuperuser(primary);
             Statement statement = superuser.createStatement()) {
            // A slot created before the backup keeps every WAL segment the standby will ask for.
            statement.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            statement.execute("SELECT pg_backup_start('margin-replica', true)");
            copyCluster(primary.clusterDirectory(), cluster);
            try (ResultSet stop = statement.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(cluster.resolve("backup_label"), stop.getString("labelfile"));
                String tablespaceMap = stop.getString("spcmapfile");
                if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                    Files.writeString(cluster.resolve("tablespace_map"), tablespaceMap);
                }
            }
        }
        Files.createFile(cluster.resolve("standby.signal"));
        Files.writeString(cluster.resolve("postgresql.auto.conf"), """
                primary_conninfo = 'host=localhost port=%d user=postgres application_name=%s'
                primary_slot_name = '%s'
                """.formatted(primary.port(), SLOT, SLOT), StandardOpenOption.APPEND);
        return new StreamingReplica(EmbeddedPostgres.builder()
                .setDataDirectory(cluster)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start());
    }

    int port() {
        return standby.getPort();
    }

    String r2dbcUrl() {
        return "r2dbc:postgresql://localhost:" + port() + "/" + LocalConnection.DATABASE;
    }

    Connection superuser() throws SQLException {
        return standby.getPostgresDatabase().getConnection();
    }

    @Override
    public void close() throws IOException {
        standby.close();
    }

    private static void copyCluster(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                Path target = to.resolve(from.relativize(directory).toString());
                if (!directory.equals(from)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(directory));
                }
                if (EMPTIED_DIRECTORIES.contains(directory.getFileName().toString()) && !directory.equals(from)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (SKIPPED_FILES.contains(file.getFileName().toString())) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()),
                            StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException removedWhileCopying) {
                    // The running primary dropped a temporary file; the WAL replay will not miss it.
                    return FileVisitResult.CONTINUE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw new UncheckedIOException(failure);
            }
        });
        Files.createDirectories(to.resolve("pg_wal").resolve("archive_status"));
    }
}
