package org.margin.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.governance.CallerContext;
import org.margin.audit.checkpoint.CheckpointKeys;
import org.margin.audit.checkpoint.Checkpointer;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.audit.entry.DataCategory;
import org.margin.audit.entry.Disclosure;
import org.margin.audit.entry.LegalBasis;
import org.margin.audit.log.AuditLog;
import org.margin.audit.verify.AuditVerifier;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;
import org.margin.privacy.crypto.rotation.KeyManager;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Store;
import org.margin.store.local.LocalDatabase;
import org.margin.store.tenant.TenantId;

/** The tool on a real embedded PostgreSQL with real signing keys; only the caller is made up (no tokens yet). */
class VerifyAuditLogToolTest {

    private static final Path DIRECTORY = Path.of("target", "test-databases", "audit-tool-"
            + ProcessHandle.current().pid()).toAbsolutePath();

    private static LocalDatabase database;
    private static Store store;
    private static AuditLog log;
    private static CheckpointKeys keys;
    private static VerifyAuditLogTool tool;

    @BeforeAll
    static void start() {
        delete(DIRECTORY);
        database = LocalDatabase.start(DIRECTORY.resolve("postgres"));
        store = database.storeBuilder().callTimeout(Duration.ofSeconds(30)).build();
        Keysets keysets = new Keysets(store.keysets(), LocalKeyEncryptionKey.openOrCreate(DIRECTORY.resolve("keys")),
                store.keyAudit(), "governance-test");
        new KeyManager(keysets).createKeyset("governance-test", KeyPurpose.AUDIT_SIGNING);
        keys = new CheckpointKeys(keysets);
        log = AuditLog.create(store.auditTrail());
        tool = new VerifyAuditLogTool(new AuditVerifier(store.auditTrail(), keys), log, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        log.close();
        store.close();
        database.close();
        delete(DIRECTORY);
    }

    @Test
    void anAdministratorOfTheTenantGetsTheVerificationAndItIsRecorded() throws Exception {
        TenantId tenant = TenantId.random();
        for (int i = 0; i < 5; i++) {
            log.recordDurably(tenant, new Disclosure(Instant.now(),
                    Actor.person(ActorRole.EDUCATOR, UUID.randomUUID()), UUID.randomUUID(), "get_student_profile",
                    Set.of(DataCategory.PROFILE), LegalBasis.LEGITIMATE_EDUCATIONAL_INTEREST));
        }
        new Checkpointer(store.auditTrail(), keys).checkpoint(tenant).orElseThrow();

        ToolOutcome outcome = call(caller(tenant, Role.ADMINISTRATOR, Set.of(VerifyAuditLogTool.SCOPE)));

        assertThat(outcome).isInstanceOfSatisfying(ToolResult.class, result -> {
            assertThat(result.structuredContent().path("verified").asBoolean()).isTrue();
            assertThat(result.structuredContent().path("entries").asLong()).isEqualTo(5);
            assertThat(result.structuredContent().path("checkpoints").asLong()).isEqualTo(1);
        });
        var chain = store.auditTrail().page(tenant, 0, 100);
        assertThat(chain).hasSize(6);
        assertThat(new String(chain.getLast().payload())).contains("\"action\":\"audit.verified\"",
                "\"actor_role\":\"administrator\"");
    }

    @Test
    void everyoneElseIsRefusedAndNothingIsRecorded() throws Exception {
        TenantId tenant = TenantId.random();
        assertThat(call(Optional.empty())).isEqualTo(new ToolError(VerifyAuditLogTool.UNAUTHENTICATED));
        assertThat(call(caller(tenant, Role.ADMINISTRATOR, Set.of("audit:write"))))
                .isEqualTo(new ToolError(VerifyAuditLogTool.MISSING_SCOPE));
        for (Role role : new Role[]{Role.STUDENT, Role.EDUCATOR, Role.SERVICE}) {
            assertThat(call(caller(tenant, role, Set.of(VerifyAuditLogTool.SCOPE)))).as(role.name())
                    .isEqualTo(new ToolError(VerifyAuditLogTool.NOT_ADMINISTRATOR));
        }
        assertThat(call(Optional.of(new Caller("admin", Optional.empty(), Role.ADMINISTRATOR,
                Optional.of(UUID.randomUUID()), Set.of(VerifyAuditLogTool.SCOPE)))))
                .isEqualTo(new ToolError(VerifyAuditLogTool.NOT_ADMINISTRATOR));
        assertThat(store.auditTrail().page(tenant, 0, 10)).isEmpty();
    }

    private static ToolOutcome call(Optional<Caller> caller) throws Exception {
        return tool.tool().handler().call(new CallerContext(Json.object(), caller));
    }

    private static Optional<Caller> caller(TenantId tenant, Role role, Set<String> scopes) {
        return Optional.of(new Caller("subject-1", Optional.of(tenant.value()), role, Optional.of(UUID.randomUUID()),
                scopes));
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
