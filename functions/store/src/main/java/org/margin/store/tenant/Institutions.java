package org.margin.store.tenant;

import java.util.Optional;
import org.margin.store.Consistency;

/** The tenants themselves. An institution's row is visible only inside its own tenant transaction. */
public final class Institutions {

    /** An institution as stored. */
    public record Institution(TenantId id, String name) {
    }

    private final TenantTransactions transactions;

    public Institutions(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Registers a new institution under its own id; fails with DUPLICATE when the id is taken. */
    public void register(TenantId tenant, String name) {
        transactions.write(tenant, "institution registration", connection ->
                Sql.update(connection, "INSERT INTO institutions (id, name) VALUES ($1, $2)", tenant.value(), name));
    }

    public Optional<Institution> find(TenantId tenant, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "institution read",
                "SELECT name FROM institutions WHERE id = $1",
                row -> new Institution(tenant, Sql.required(row, "name", String.class)), tenant.value());
    }
}
