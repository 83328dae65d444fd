package org.margin.store.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.margin.privacy.crypto.EncryptedColumn;
import org.margin.privacy.crypto.KeyIds;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.Keysets;
import org.margin.privacy.crypto.LookupColumn;
import org.margin.privacy.crypto.RowContext;
import org.margin.privacy.crypto.kms.KeyEncryptionKey;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;
import org.margin.privacy.crypto.rotation.ColumnProgress;
import org.margin.privacy.crypto.rotation.DisableOutcome;
import org.margin.privacy.crypto.rotation.KeyManager;
import org.margin.privacy.crypto.rotation.Reencryption;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.course.CourseId;
import org.margin.store.local.LocalDatabase;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;
import org.margin.store.submission.Submitted;
import org.margin.store.tenant.TenantId;

/**
 * Key rotation across two function instances (each its own store pool and keyring) sharing one embedded
 * PostgreSQL: data written before, during and after a rotation stays readable by both, the re-encryption job moves
 * every old row, and the old key can be disabled only once no row uses it.
 */
class KeyRotationTest {

    @TempDir
    static Path keys;

    private static LocalDatabase database;
    private static Store storeA;
    private static Store storeB;
    private static Store storeAdmin;
    private static KeyEncryptionKey kek;
    private static KeyManager admin;
    private static Keysets adminKeysets;

    /** What each row should decrypt to, to check every row at the end. */
    private record Written(TenantId tenant, UUID id, String text, boolean person) {
    }

    private final List<Written> written = new ArrayList<>();

    @BeforeAll
    static void start() {
        database = LocalDatabase.start(TestDatabases.fresh("key-rotation"));
        storeA = TestDatabases.patientStore(database).build();
        storeB = TestDatabases.patientStore(database).build();
        storeAdmin = TestDatabases.patientStore(database).build();
        kek = LocalKeyEncryptionKey.openOrCreate(keys.resolve("kek"));
        adminKeysets = keysets(storeAdmin, "admin");
        admin = new KeyManager(adminKeysets);
        admin.createKeyset("admin", KeyPurpose.ROW);
        admin.createKeyset("admin", KeyPurpose.LOOKUP);
    }

    @AfterAll
    static void stop() {
        storeA.close();
        storeB.close();
        storeAdmin.close();
        database.close();
    }

    @Test
    void rowsWrittenBeforeDuringAndAfterARotationStayReadableAndMoveToTheNewKey() throws Exception {
        try (Keyring a = Keyring.create(keysets(storeA, "instance-a"), Duration.ofHours(1));
             Keyring b = Keyring.create(keysets(storeB, "instance-b"), Duration.ofHours(1))) {
            TenantId first = institution(storeA);
            TenantId second = institution(storeA);
            CourseId firstCourse = storeA.courses().create(first, "ENG-1", "Writing");
            CourseId secondCourse = storeA.courses().create(second, "ENG-2", "Writing");

            // Before.
            PersonId ana = register(a, storeA, first, "u-ana", "Ana Kowalski", "Ana@School.example");
            PersonId ben = register(b, storeB, second, "u-ben", "Ben Okafor", "ben@school.example");
            for (int i = 0; i < 5; i++) {
                submit(a, storeA, first, firstCourse, ana, "Ana's essay " + i);
                submit(b, storeB, second, secondCourse, ben, "Ben's essay " + i);
            }
            int oldRowKey = a.primaryKeyId(KeyPurpose.ROW);
            int oldLookupKey = a.primaryKeyId(KeyPurpose.LOOKUP);

            // Rotation: add, let the instances learn the keys, promote; only instance A refreshes after promotion.
            int newRowKey = admin.addKey("admin", KeyPurpose.ROW);
            int newLookupKey = admin.addKey("admin", KeyPurpose.LOOKUP);
            a.refresh();
            b.refresh();
            admin.promote("admin", KeyPurpose.ROW, newRowKey);
            admin.promote("admin", KeyPurpose.LOOKUP, newLookupKey);
            a.refresh();

            // During: B still writes under the old key, A under the new one; each reads the other's rows.
            SubmissionId duringB = submit(b, storeB, second, secondCourse, ben, "Ben's essay during rotation");
            PersonId cleo = register(a, storeA, first, "u-cleo", "Cleo Marsh", "cleo@school.example");
            SubmissionId duringA = submit(a, storeA, first, firstCourse, cleo, "Cleo's essay during rotation");
            assertThat(keyOf(storeB.submissions().find(second, duringB, Consistency.READ_YOUR_WRITES)
                    .orElseThrow().body())).isEqualTo(oldRowKey);
            assertThat(keyOf(storeA.submissions().find(first, duringA, Consistency.READ_YOUR_WRITES)
                    .orElseThrow().body())).isEqualTo(newRowKey);
            assertThat(text(b, first, duringA)).isEqualTo("Cleo's essay during rotation");
            assertThat(text(a, second, duringB)).isEqualTo("Ben's essay during rotation");
            // A person registered under the old lookup key is found through the candidates.
            assertThat(find(a, storeA, first, LookupColumn.EMAIL, "ana@school.example")).contains(ana);

            RowsAtStart atStart = new RowsAtStart(storeA.encryptedColumns(), oldRowKey, oldLookupKey);
            assertThat(atStart.rows.get("submissions.body")).isEqualTo(11);
            assertThat(admin.disable("admin", KeyPurpose.ROW, oldRowKey, storeAdmin.encryptedColumns()))
                    .isInstanceOfSatisfying(DisableOutcome.StillInUse.class, inUse -> assertThat(inUse.rows())
                            .containsEntry(new EncryptedColumn("submissions", "body", KeyPurpose.ROW), 11L));

            // B knew the new key since it was added, so it read A's row without refreshing, and still writes
            // under the old key until its refresh interval passes; re-encryption starts after that.
            assertThat(b.primaryKeyId(KeyPurpose.ROW)).isEqualTo(oldRowKey);
            b.refresh();

            // Re-encryption, a small page at a time, while B keeps writing, now under the new key.
            Reencryption rows = Reencryption.start(a, storeA.encryptedColumns(), KeyPurpose.ROW, "admin",
                    adminKeysets, 2);
            SubmissionId whileMoving = submit(b, storeB, second, secondCourse, ben, "Ben's essay while re-encrypting");
            assertThat(keyOf(storeB.submissions().find(second, whileMoving, Consistency.READ_YOUR_WRITES)
                    .orElseThrow().body())).isEqualTo(newRowKey);
            Reencryption lookups = Reencryption.start(a, storeA.encryptedColumns(), KeyPurpose.LOOKUP, "admin",
                    adminKeysets, 2);
            assertThat(rows.awaitFinished(Duration.ofSeconds(60))).isTrue();
            assertThat(lookups.awaitFinished(Duration.ofSeconds(60))).isTrue();
            assertThat(rows.failure()).isEmpty();
            assertThat(lookups.failure()).isEmpty();
            for (ColumnProgress column : rows.progress()) {
                assertThat(column.remaining()).as(column.column().toString()).isZero();
                assertThat(column.failed()).as(column.column().toString()).isZero();
                assertThat(column.done()).as(column.column().toString())
                        .isEqualTo(atStart.rows.get(column.column().toString()));
            }
            assertThat(lookups.progress()).allSatisfy(column -> {
                assertThat(column.remaining()).isZero();
                assertThat(column.done()).isEqualTo(atStart.rows.get(column.column().toString()));
            });

            // Now the old keys can go.
            assertThat(admin.disable("admin", KeyPurpose.ROW, oldRowKey, storeAdmin.encryptedColumns()))
                    .isInstanceOf(DisableOutcome.Disabled.class);
            assertThat(admin.disable("admin", KeyPurpose.LOOKUP, oldLookupKey, storeAdmin.encryptedColumns()))
                    .isInstanceOf(DisableOutcome.Disabled.class);
            a.refresh();
            b.refresh();

            // After.
            PersonId dan = register(b, storeB, second, "u-dan", "Dan Ito", "dan@school.example");
            submit(b, storeB, second, secondCourse, dan, "Dan's essay after rotation");

            for (Keyring instance : List.of(a, b)) {
                for (Written row : written) {
                    assertThat(row.person() ? fullName(instance, row.tenant(), row.id()) : text(instance,
                            row.tenant(), new SubmissionId(row.id()))).isEqualTo(row.text());
                }
                assertThat(find(instance, storeA, first, LookupColumn.EMAIL, "ANA@school.example ")).contains(ana);
                assertThat(storeA.people().findByLmsUser(first,
                        Opaque.of(instance.lookup(first.value(), LookupColumn.LMS_USER, "u-ana")),
                        Consistency.READ_YOUR_WRITES)).contains(ana);
                assertThat(storeB.people().findByEmail(second,
                        Opaque.of(instance.lookup(second.value(), LookupColumn.EMAIL, "dan@school.example")),
                        Consistency.READ_YOUR_WRITES)).contains(dan);
            }
            for (EncryptedColumn column : storeA.encryptedColumns().columns()) {
                int oldKey = column.purpose() == KeyPurpose.ROW ? oldRowKey : oldLookupKey;
                assertThat(storeA.encryptedColumns().rowsWithPrefix(column, KeyIds.prefix(oldKey)))
                        .as(column.toString()).isZero();
            }
        }
        assertAudited();
    }

    @Test
    void anInstancePicksUpANewKeysetVersionWithoutBeingAsked() throws Exception {
        try (Keyring watching = Keyring.create(keysets(storeB, "instance-c"), Duration.ofMillis(200))) {
            long before = watching.version(KeyPurpose.ROW);
            admin.addKey("admin", KeyPurpose.ROW);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (watching.version(KeyPurpose.ROW) == before && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(watching.version(KeyPurpose.ROW)).isGreaterThan(before);
        }
    }

    @Test
    void keysetsHoldOnlyWrappedBytesAndTheAuditIsAppendOnly() throws SQLException {
        try (Connection app = TestDatabases.asApp(database); Statement statement = app.createStatement()) {
            try (ResultSet stored = statement.executeQuery("SELECT encrypted_keyset FROM keysets")) {
                assertThat(stored.next()).isTrue();
                byte[] wrapped = stored.getBytes(1);
                assertThatThrownBy(() -> TinkProtoKeysetFormat.parseKeyset(wrapped, InsecureSecretKeyAccess.get()))
                        .isInstanceOf(java.security.GeneralSecurityException.class);
            }
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE key_audit SET actor = 'someone else'"))
                    .isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM key_audit"))
                    .isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE keysets SET version = version + 100"))
                    .isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
        }
        try (Connection owner = TestDatabases.asOwner(database); Statement statement = owner.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM key_audit"))
                    .isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("42501"));
        }
    }

    private static void assertAudited() throws SQLException {
        Set<String> seen = new HashSet<>();
        try (Connection app = TestDatabases.asApp(database); Statement statement = app.createStatement();
             ResultSet audit = statement.executeQuery("SELECT actor, operation, purpose, key_id FROM key_audit")) {
            while (audit.next()) {
                seen.add(audit.getString("actor") + " " + audit.getString("operation") + " "
                        + audit.getString("purpose"));
            }
        }
        assertThat(seen).contains("admin KEYSET_CREATED ROW", "admin KEY_ADDED ROW", "admin KEY_PROMOTED ROW",
                "admin KEY_DISABLED ROW", "admin REENCRYPTION_STARTED ROW", "admin REENCRYPTION_FINISHED ROW",
                "admin KEY_DISABLED LOOKUP", "instance-a KEK_UNWRAP ROW", "instance-b KEK_UNWRAP ROW");
    }

    /** Row counts per column under the old keys, before re-encryption. */
    private static final class RowsAtStart {
        final Map<String, Long> rows = new java.util.HashMap<>();

        RowsAtStart(EncryptedColumnRows source, int oldRowKey, int oldLookupKey) {
            for (EncryptedColumn column : source.columns()) {
                int oldKey = column.purpose() == KeyPurpose.ROW ? oldRowKey : oldLookupKey;
                rows.put(column.toString(), source.rowsWithPrefix(column, KeyIds.prefix(oldKey)));
            }
        }
    }

    private static Keysets keysets(Store store, String actor) {
        return new Keysets(store.keysets(), kek, store.keyAudit(), actor);
    }

    private static TenantId institution(Store store) {
        TenantId tenant = TenantId.random();
        store.institutions().register(tenant, "Institution");
        return tenant;
    }

    private PersonId register(Keyring keyring, Store store, TenantId tenant, String lmsUser, String name,
                              String email) {
        UUID id = PersonId.generate().value();
        UUID t = tenant.value();
        PersonIdentity identity = new PersonIdentity(
                seal(keyring, t, "lms_user_id", id, lmsUser),
                Optional.of(seal(keyring, t, "full_name", id, name)),
                Optional.of(seal(keyring, t, "email", id, email)),
                Optional.empty(),
                Opaque.of(keyring.lookup(t, LookupColumn.LMS_USER, lmsUser)),
                Optional.of(Opaque.of(keyring.lookup(t, LookupColumn.EMAIL, email))));
        written.add(new Written(tenant, id, name, true));
        return store.people().register(tenant, new PersonId(id), identity);
    }

    private SubmissionId submit(Keyring keyring, Store store, TenantId tenant, CourseId course, PersonId student,
                                String text) {
        UUID id = SubmissionId.generate().value();
        byte[] body = keyring.encrypt(new RowContext(tenant.value(), "submissions", "body", id),
                text.getBytes(StandardCharsets.UTF_8));
        written.add(new Written(tenant, id, text, false));
        Opaque source = Opaque.of(keyring.lookup(tenant.value(), LookupColumn.SUBMISSION_SOURCE, "lms-" + id));
        Submitted stored = store.submissions().submit(tenant, new SubmissionId(id),
                new NewSubmission(course, student, Instant.parse("2026-10-01T10:00:00Z"), Opaque.of(body)), source);
        return ((Submitted.Created) stored).id();
    }

    private static Opaque seal(Keyring keyring, UUID tenant, String column, UUID row, String value) {
        return Opaque.of(keyring.encrypt(new RowContext(tenant, "person_identities", column, row),
                value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Keyring keyring, TenantId tenant, SubmissionId id) {
        byte[] body = storeA.submissions().find(tenant, id, Consistency.READ_YOUR_WRITES).orElseThrow().body().bytes();
        return new String(keyring.decrypt(new RowContext(tenant.value(), "submissions", "body", id.value()), body),
                StandardCharsets.UTF_8);
    }

    private static String fullName(Keyring keyring, TenantId tenant, UUID person) {
        byte[] name = storeA.people().identity(tenant, new PersonId(person), Consistency.READ_YOUR_WRITES)
                .orElseThrow().fullName().orElseThrow().bytes();
        return new String(keyring.decrypt(new RowContext(tenant.value(), "person_identities", "full_name", person),
                name), StandardCharsets.UTF_8);
    }

    private static Optional<PersonId> find(Keyring keyring, Store store, TenantId tenant, LookupColumn column,
                                           String value) {
        for (byte[] candidate : keyring.lookupCandidates(tenant.value(), column, value)) {
            Optional<PersonId> found = column == LookupColumn.EMAIL
                    ? store.people().findByEmail(tenant, Opaque.of(candidate), Consistency.READ_YOUR_WRITES)
                    : store.people().findByLmsUser(tenant, Opaque.of(candidate), Consistency.READ_YOUR_WRITES);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static int keyOf(Opaque value) {
        return KeyIds.keyIdOf(value.bytes()).orElseThrow();
    }
}
