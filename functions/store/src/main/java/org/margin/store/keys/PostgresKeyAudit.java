package org.margin.store.keys;

import org.margin.privacy.crypto.KeyAudit;
import org.margin.privacy.crypto.KeyAuditEntry;
import org.margin.privacy.crypto.KeyIds;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantTransactions;

/** The key audit in the append-only {@code key_audit} table: the application role may insert and read, no more. */
public final class PostgresKeyAudit implements KeyAudit {

    private static final String INSERT = """
            INSERT INTO key_audit (at, actor, operation, purpose, key_id) VALUES ($1, $2, $3, $4, $5)""";

    private final TenantTransactions transactions;

    public PostgresKeyAudit(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void record(KeyAuditEntry entry) {
        transactions.writeWithoutTenant("key audit", connection -> Sql.update(connection, INSERT,
                entry.at(), entry.actor(), entry.operation().name(), entry.purpose().name(),
                entry.keyId().isPresent()
                        ? (Object) KeyIds.unsigned(entry.keyId().getAsInt())
                        : new Sql.Null(Long.class)));
    }
}
