package org.margin.store.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

import org.margin.store.Store;

/**
 * How to reach the local database that {@link LocalDatabase} serves from a directory: its name, its roles and their
 * passwords (made on first use, kept in the directory), its URLs. Apart from {@link LocalDatabase} because it needs
 * no embedded PostgreSQL: the launcher's functions and command-line tools connect with it, and a function's class
 * path does not carry the embedded server's binaries.
 */
public final class LocalConnection {

    public static final String DATABASE = "margin";
    public static final String OWNER_ROLE = "margin_owner";
    public static final String APP_ROLE = "margin_app";

    private static final String CREDENTIALS = "credentials.properties";

    private LocalConnection() {
    }

    /**
     * What the functions need to reach the database that {@link LocalDatabase#start(Path, int)} will serve from
     * {@code directory} on {@code port}, known before it starts ({@link Store.Builder#environment} reads it): so
     * that functions can be built, and answer, while the database is still starting.
     */
    public static Map<String, String> environment(Path directory, int port) {
        if (port <= 0) {
            throw new IllegalArgumentException("the port must be fixed to be known before the start");
        }
        Properties secrets = credentials(directory);
        return Map.of(Store.Builder.URL, r2dbcUrl(port),
                Store.Builder.USER_NAME, APP_ROLE,
                Store.Builder.USER_PASSWORD, secrets.getProperty(APP_ROLE));
    }

    static String r2dbcUrl(int port) {
        return "r2dbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    /** The roles' passwords kept in {@code directory}, made there on first use (readable by the owner only). */
    static Properties credentials(Path directory) {
        Path file = directory.resolve(CREDENTIALS);
        Properties secrets = new Properties();
        try {
            Files.createDirectories(directory);
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
                return secrets;
            }
            SecureRandom random = new SecureRandom();
            for (String role : new String[] {OWNER_ROLE, APP_ROLE}) {
                byte[] password = new byte[24];
                random.nextBytes(password);
                secrets.setProperty(role, HexFormat.of().formatHex(password));
            }
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                secrets.store(out, "Passwords of the local database's roles; generated on first start.");
            }
            return secrets;
        } catch (IOException failure) {
            throw new UncheckedIOException("could not read or make the local database's credentials", failure);
        }
    }
}
