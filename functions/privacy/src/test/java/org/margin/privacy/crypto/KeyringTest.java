package org.margin.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.margin.privacy.crypto.kms.LocalKeyEncryptionKey;
import org.margin.privacy.crypto.rotation.DisableOutcome;
import org.margin.privacy.crypto.rotation.EncryptedRow;
import org.margin.privacy.crypto.rotation.RowSource;

class KeyringTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID OTHER_TENANT = UUID.randomUUID();
    private static final byte[] ESSAY = "My name is Ana Kowalski and this is my essay.".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    @Test
    void rowFieldsRoundTripAndAreBoundToTheirRow() {
        try (Keyring keyring = LocalKeys.in(directory, "instance-a").withKeysets().keyring()) {
            RowContext row = new RowContext(TENANT, "submissions", "body", UUID.randomUUID());
            byte[] sealed = keyring.encrypt(row, ESSAY);

            assertThat(keyring.decrypt(row, sealed)).isEqualTo(ESSAY);
            assertThat(KeyIds.keyIdOf(sealed)).hasValue(keyring.primaryKeyId(KeyPurpose.ROW));
            assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Kowalski");
            assertThatThrownBy(() -> keyring.decrypt(
                    new RowContext(TENANT, "submissions", "body", UUID.randomUUID()), sealed))
                    .isInstanceOf(DecryptionFailedException.class);
            assertThatThrownBy(() -> keyring.decrypt(
                    new RowContext(OTHER_TENANT, "submissions", "body", row.rowId()), sealed))
                    .isInstanceOf(DecryptionFailedException.class);
            assertThatThrownBy(() -> keyring.decrypt(
                    new RowContext(TENANT, "person_identities", "full_name", row.rowId()), sealed))
                    .isInstanceOf(DecryptionFailedException.class)
                    .hasMessageNotContaining("Kowalski");
            sealed[sealed.length - 1] ^= 1;
            assertThatThrownBy(() -> keyring.decrypt(row, sealed)).isInstanceOf(DecryptionFailedException.class);
        }
    }

    @Test
    void lookupsAreDeterministicPerTenantAndColumnAndNormalised() {
        try (Keyring keyring = LocalKeys.in(directory, "instance-a").withKeysets().keyring()) {
            byte[] email = keyring.lookup(TENANT, LookupColumn.EMAIL, "Ana.Kowalski@School.example");

            assertThat(keyring.lookup(TENANT, LookupColumn.EMAIL, " ana.kowalski@school.example "))
                    .isEqualTo(email);
            assertThat(keyring.lookup(OTHER_TENANT, LookupColumn.EMAIL, "ana.kowalski@school.example"))
                    .isNotEqualTo(email);
            assertThat(keyring.lookup(TENANT, LookupColumn.LMS_USER, "ana.kowalski@school.example"))
                    .isNotEqualTo(email);
            assertThat(keyring.lookup(TENANT, LookupColumn.LMS_USER, "U123"))
                    .isNotEqualTo(keyring.lookup(TENANT, LookupColumn.LMS_USER, "u123"));
            assertThat(KeyIds.keyIdOf(email)).hasValue(keyring.primaryKeyId(KeyPurpose.LOOKUP));
        }
    }

    @Test
    void aSecondInstancePicksUpARotationAndOldCiphertextsStillDecrypt() {
        LocalKeys admin = LocalKeys.in(directory, "admin").withKeysets();
        try (Keyring a = admin.keyring(); Keyring b = LocalKeys.in(directory, "instance-b").keyring()) {
            RowContext row = new RowContext(TENANT, "person_identities", "full_name", UUID.randomUUID());
            byte[] before = b.encrypt(row, ESSAY);
            int oldKey = b.primaryKeyId(KeyPurpose.ROW);
            byte[] oldLookup = b.lookup(TENANT, LookupColumn.EMAIL, "ana@school.example");

            int newKey = admin.manager().addKey("admin", KeyPurpose.ROW);
            admin.manager().promote("admin", KeyPurpose.ROW, newKey);
            int newLookupKey = admin.manager().addKey("admin", KeyPurpose.LOOKUP);
            admin.manager().promote("admin", KeyPurpose.LOOKUP, newLookupKey);
            a.refresh();

            byte[] after = a.encrypt(row, ESSAY);
            assertThat(KeyIds.keyIdOf(after)).hasValue(newKey);
            // b has not refreshed: a ciphertext under a key it does not know makes it refresh on demand.
            assertThat(b.primaryKeyId(KeyPurpose.ROW)).isEqualTo(oldKey);
            assertThat(b.decrypt(row, after)).isEqualTo(ESSAY);
            assertThat(b.primaryKeyId(KeyPurpose.ROW)).isEqualTo(newKey);
            assertThat(a.decrypt(row, before)).isEqualTo(ESSAY);

            b.refresh();
            assertThat(b.lookupCandidates(TENANT, LookupColumn.EMAIL, "ana@school.example"))
                    .hasSize(2)
                    .satisfies(candidates -> assertThat(KeyIds.keyIdOf(candidates.getFirst())).hasValue(newLookupKey))
                    .anySatisfy(candidate -> assertThat(candidate).isEqualTo(oldLookup));
        }
    }

    @Test
    void disablingRefusesTheKeysInUseAndTheDisabledKeyNoLongerDecrypts() {
        LocalKeys admin = LocalKeys.in(directory, "admin").withKeysets();
        try (Keyring keyring = admin.keyring()) {
            RowContext row = new RowContext(TENANT, "submissions", "body", UUID.randomUUID());
            byte[] old = keyring.encrypt(row, ESSAY);
            int oldKey = keyring.primaryKeyId(KeyPurpose.ROW);
            int newKey = admin.manager().addKey("admin", KeyPurpose.ROW);
            OneColumn rows = new OneColumn(old);

            assertThat(admin.manager().disable("admin", KeyPurpose.ROW, oldKey, rows))
                    .isEqualTo(new DisableOutcome.IsPrimary(oldKey));
            admin.manager().promote("admin", KeyPurpose.ROW, newKey);
            keyring.refresh();
            assertThat(admin.manager().disable("admin", KeyPurpose.ROW, oldKey, rows))
                    .isInstanceOfSatisfying(DisableOutcome.StillInUse.class,
                            inUse -> assertThat(inUse.rows()).containsValue(1L));
            assertThat(admin.manager().disable("admin", KeyPurpose.ROW, 12345, rows))
                    .isEqualTo(new DisableOutcome.UnknownKey(12345));

            rows.value = keyring.reencrypt(OneColumn.COLUMN, TENANT, row.rowId(), old);
            assertThat(KeyIds.keyIdOf(rows.value)).hasValue(newKey);
            assertThat(admin.manager().disable("admin", KeyPurpose.ROW, oldKey, rows))
                    .isInstanceOf(DisableOutcome.Disabled.class);
            keyring.refresh();

            assertThat(keyring.decrypt(row, rows.value)).isEqualTo(ESSAY);
            assertThatThrownBy(() -> keyring.decrypt(row, old)).isInstanceOf(DecryptionFailedException.class);
            assertThat(admin.audit()).extracting(KeyAuditEntry::operation).contains(
                    KeyOperation.KEYSET_CREATED, KeyOperation.KEY_ADDED, KeyOperation.KEY_PROMOTED,
                    KeyOperation.KEY_DISABLED, KeyOperation.KEK_UNWRAP);
            assertThat(admin.audit()).filteredOn(entry -> entry.operation() == KeyOperation.KEY_DISABLED)
                    .singleElement().satisfies(entry -> {
                        assertThat(entry.actor()).isEqualTo("admin");
                        assertThat(entry.keyId()).hasValue(oldKey);
                        assertThat(entry.purpose()).isEqualTo(KeyPurpose.ROW);
                    });
        }
    }

    @Test
    void keysAreLoadedOncePerVersionNotPerOperation() {
        LocalKeys keys = LocalKeys.in(directory, "instance-a").withKeysets();
        try (Keyring keyring = keys.keyring()) {
            RowContext row = new RowContext(TENANT, "submissions", "body", UUID.randomUUID());
            for (int i = 0; i < 100; i++) {
                keyring.decrypt(row, keyring.encrypt(row, ESSAY));
            }
            assertThat(keys.audit()).filteredOn(entry -> entry.operation() == KeyOperation.KEK_UNWRAP
                    && entry.actor().equals("instance-a") && entry.purpose() == KeyPurpose.ROW).hasSize(1);
        }
    }

    @Test
    void theLocalKeyEncryptionKeyIsCreatedOncePrivateAndGuardsTheKeysets() throws Exception {
        LocalKeys.in(directory, "admin").withKeysets();
        Path kek = directory.resolve("kek").resolve(LocalKeyEncryptionKey.FILE_NAME);
        String first = Files.readString(kek);
        assertThat(Files.getPosixFilePermissions(kek))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        LocalKeyEncryptionKey.openOrCreate(directory.resolve("kek"));
        assertThat(Files.readString(kek)).isEqualTo(first);

        // Another KEK cannot unwrap these keysets.
        Keysets stranger = new Keysets(new FileKeysetRepository(directory.resolve("keysets")),
                LocalKeyEncryptionKey.openOrCreate(directory.resolve("other-kek")), entry -> { }, "stranger");
        assertThatThrownBy(() -> stranger.load(KeyPurpose.ROW)).isInstanceOf(KeysetUnavailableException.class);
    }

    @Test
    void aPurposeWithoutKeysetIsATypedError() {
        try (Keyring keyring = LocalKeys.in(directory, "instance-a").keyring()) {
            assertThatThrownBy(() -> keyring.encrypt(
                    new RowContext(TENANT, "submissions", "body", UUID.randomUUID()), ESSAY))
                    .isInstanceOf(KeysetUnavailableException.class);
        }
    }

    @Test
    void aKeysetVersionIsWrittenOnce() {
        FileKeysetRepository repository = new FileKeysetRepository(directory);
        repository.append(new StoredKeyset("row", 1, new byte[] {1}));
        assertThatThrownBy(() -> repository.append(new StoredKeyset("row", 1, new byte[] {2})))
                .isInstanceOf(KeysetVersionConflictException.class);
        assertThat(repository.latest("row")).get().extracting(StoredKeyset::encrypted).isEqualTo(new byte[] {1});
    }

    /** One row of one column, as a store would hold it. */
    private static final class OneColumn implements RowSource {

        static final EncryptedColumn COLUMN = new EncryptedColumn("submissions", "body", KeyPurpose.ROW);
        byte[] value;

        OneColumn(byte[] value) {
            this.value = value;
        }

        @Override
        public java.util.List<EncryptedColumn> columns() {
            return java.util.List.of(COLUMN);
        }

        @Override
        public java.util.List<UUID> tenants() {
            return java.util.List.of(TENANT);
        }

        @Override
        public java.util.List<EncryptedRow> page(UUID tenant, EncryptedColumn column,
                                                 java.util.Optional<UUID> after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean replace(UUID tenant, EncryptedColumn column, UUID rowId, byte[] expected, byte[] replacement) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long rows(EncryptedColumn column) {
            return 1;
        }

        @Override
        public long rowsWithPrefix(EncryptedColumn column, byte[] prefix) {
            return java.util.Arrays.equals(value, 0, KeyIds.PREFIX_LENGTH, prefix, 0, KeyIds.PREFIX_LENGTH) ? 1 : 0;
        }
    }
}
