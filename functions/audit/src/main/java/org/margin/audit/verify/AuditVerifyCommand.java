package org.margin.audit.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.margin.audit.checkpoint.CheckpointKeys;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.kms.CloudKms;
import org.margin.privacy.crypto.kms.KeyEncryptionKey;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;
import org.margin.store.Store;
import org.margin.store.StoreUnavailableException;
import org.margin.store.local.LocalConnection;
import org.margin.store.tenant.TenantId;

/**
 * {@code ./margin audit-verify [--tenant UUID]}: verifies one chain, or every chain that has entries, and prints one
 * line per chain; exits 1 when any chain fails, 2 on a usage error. It reads the database of {@code MARGIN_DB_*} and
 * the key-encryption key of {@code MARGIN_KEK_URI} (or the key file in {@code MARGIN_KEK_DIR}); without them, the
 * local database and keys of {@code ./margin dev} ({@code MARGIN_LOCAL_DIR}, default {@code .margin}, database port
 * {@code MARGIN_LOCAL_PORT} + 20).
 */
public final class AuditVerifyCommand {

    private static final String ACTOR = "audit-verify";

    private AuditVerifyCommand() {
    }

    public static void main(String[] args) {
        Optional<TenantId> only;
        try {
            only = tenant(args);
        } catch (IllegalArgumentException usage) {
            System.err.println("audit-verify: " + usage.getMessage());
            System.err.println("usage: audit-verify [--tenant UUID]");
            System.exit(2);
            return;
        }
        Map<String, String> env;
        try {
            env = environment(System.getenv());
        } catch (IllegalStateException noDatabase) {
            System.err.println("audit-verify: " + noDatabase.getMessage());
            System.exit(2);
            return;
        }
        try (Store store = Store.builder().environment(env).applicationName("margin-audit-verify").build()) {
            Keysets keysets = new Keysets(store.keysets(), keyEncryptionKey(env), store.keyAudit(), ACTOR);
            AuditVerifier verifier = new AuditVerifier(store.auditTrail(), new CheckpointKeys(keysets));
            List<TenantId> chains = only.map(List::of).orElseGet(() -> new ArrayList<>(store.auditTrail().chains()));
            boolean failed = false;
            for (TenantId chain : chains) {
                long started = System.nanoTime();
                Verification outcome = verifier.verify(chain);
                long millis = (System.nanoTime() - started) / 1_000_000;
                switch (outcome) {
                    case Verification.Verified ok -> System.out.println(chain + " verified: " + ok.entries()
                            + " entries, " + ok.checkpoints() + " checkpoints (" + millis + " ms)");
                    case Verification.Failed bad -> {
                        failed = true;
                        System.out.println(chain + " FAILED at " + bad.seq() + ": "
                                + bad.tampering().name().toLowerCase() + ": " + bad.detail());
                    }
                }
            }
            if (chains.isEmpty()) {
                System.out.println("no audit chain has entries yet");
            }
            System.exit(failed ? 1 : 0);
        } catch (StoreUnavailableException unreachable) {
            System.err.println("audit-verify: the database cannot be reached now (" + unreachable.getMessage()
                    + "); is ./margin dev running, or MARGIN_DB_URL right?");
            System.exit(3);
        }
    }

    private static Map<String, String> environment(Map<String, String> given) {
        if (given.containsKey(Store.Builder.URL)) {
            return given;
        }
        Path local = Path.of(given.getOrDefault("MARGIN_LOCAL_DIR", ".margin"));
        if (!Files.exists(local.resolve("postgres").resolve("credentials.properties"))) {
            throw new IllegalStateException("no MARGIN_DB_URL and no local database in " + local
                    + "; start ./margin dev once, or set MARGIN_DB_URL, MARGIN_DB_USER and MARGIN_DB_PASSWORD");
        }
        int port = Integer.parseInt(given.getOrDefault("MARGIN_LOCAL_PORT", "8080")) + 20;
        Map<String, String> env = new HashMap<>(given);
        env.putAll(LocalConnection.environment(local.resolve("postgres"), port));
        env.putIfAbsent("MARGIN_KEK_DIR", local.resolve("keys").toString());
        return env;
    }

    private static Optional<TenantId> tenant(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args.length == 2 && args[0].equals("--tenant")) {
            return Optional.of(new TenantId(UUID.fromString(args[1])));
        }
        throw new IllegalArgumentException("unknown arguments");
    }

    /** The same choice as the functions make: a KMS key when {@code MARGIN_KEK_URI} is set, else the local key file. */
    private static KeyEncryptionKey keyEncryptionKey(Map<String, String> env) {
        String uri = env.get("MARGIN_KEK_URI");
        if (uri != null && !uri.isBlank()) {
            return CloudKms.keyEncryptionKey(uri.strip(), Optional.ofNullable(env.get("MARGIN_KEK_CREDENTIALS"))
                    .filter(path -> !path.isBlank()));
        }
        return LocalKeyEncryptionKey.openOrCreate(Path.of(env.getOrDefault("MARGIN_KEK_DIR", ".margin/keys")));
    }
}
