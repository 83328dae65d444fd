package org.margin.store.keys;

import java.util.Optional;
import java.util.OptionalLong;
import org.margin.privacy.crypto.KeysetRepository;
import org.margin.privacy.crypto.KeysetVersionConflictException;
import org.margin.privacy.crypto.StoredKeyset;
import org.margin.store.Consistency;
import org.margin.store.StoreRejectedException;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantTransactions;

/**
 * Keysets in the {@code keysets} table, shared by every instance: opaque encrypted bytes under a name and a
 * version. Versions are appended, never updated.
 */
public final class PostgresKeysetRepository implements KeysetRepository {

    private static final String LATEST = """
            SELECT version, encrypted_keyset FROM keysets WHERE name = $1 ORDER BY version DESC LIMIT 1""";
    private static final String LATEST_VERSION = "SELECT max(version) AS version FROM keysets WHERE name = $1";
    private static final String APPEND = "INSERT INTO keysets (name, version, encrypted_keyset) VALUES ($1, $2, $3)";

    private final TenantTransactions transactions;

    public PostgresKeysetRepository(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<StoredKeyset> latest(String name) {
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "keyset read", LATEST, row -> new StoredKeyset(name,
                        Sql.required(row, "version", Long.class), Sql.required(row, "encrypted_keyset", byte[].class)),
                name).stream().findFirst();
    }

    @Override
    public OptionalLong latestVersion(String name) {
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "keyset version read", LATEST_VERSION,
                        row -> Optional.ofNullable(row.get("version", Long.class)), name)
                .getFirst().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    @Override
    public void append(StoredKeyset keyset) {
        try {
            transactions.writeWithoutTenant("keyset write", connection -> Sql.update(connection, APPEND,
                    keyset.name(), keyset.version(), keyset.encrypted()));
        } catch (StoreRejectedException rejected) {
            if (rejected.reason() == StoreRejectedException.Reason.DUPLICATE) {
                throw new KeysetVersionConflictException(keyset.name(), keyset.version());
            }
            throw rejected;
        }
    }
}
