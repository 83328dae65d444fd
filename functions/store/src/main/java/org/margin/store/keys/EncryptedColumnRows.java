package org.margin.store.keys;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.margin.privacy.crypto.EncryptedColumn;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.rotation.EncryptedRow;
import org.margin.privacy.crypto.rotation.RowSource;
import org.margin.store.Consistency;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/**
 * The store's encrypted columns for key rotation: the identifying fields and lookup values of
 * {@code person_identities}, and the text and source lookup value of {@code submissions}. Pages are read and values replaced in the tenant's
 * own transaction, under row-level security like every repository; only the counts and the list of institutions
 * come from the two security-definer functions of migration V5, which return no stored value.
 */
public final class EncryptedColumnRows implements RowSource {

    /** A column and the name of its table's row id (the primary key after the tenant). */
    private record Column(EncryptedColumn encrypted, String rowId) {

        String page() {
            return "SELECT %2$s AS row_id, %3$s AS value FROM %1$s WHERE institution_id = $1 AND %2$s > $2"
                    .formatted(encrypted.table(), rowId, encrypted.column())
                    + " AND %s IS NOT NULL ORDER BY %s LIMIT $3".formatted(encrypted.column(), rowId);
        }

        String replace() {
            return "UPDATE %1$s SET %3$s = $1 WHERE institution_id = $2 AND %2$s = $3 AND %3$s = $4"
                    .formatted(encrypted.table(), rowId, encrypted.column());
        }
    }

    private static final UUID START = new UUID(0, 0);
    private static final String TENANTS = "SELECT key_rotation_tenants() AS id";
    private static final String COUNT = "SELECT encrypted_column_rows($1, $2, $3) AS rows";

    private static final List<Column> COLUMNS = List.of(
            identity("lms_user_id", KeyPurpose.ROW),
            identity("full_name", KeyPurpose.ROW),
            identity("email", KeyPurpose.ROW),
            identity("date_of_birth", KeyPurpose.ROW),
            identity("lms_user_lookup", KeyPurpose.LOOKUP),
            identity("email_lookup", KeyPurpose.LOOKUP),
            new Column(new EncryptedColumn("submissions", "body", KeyPurpose.ROW), "id"),
            new Column(new EncryptedColumn("submissions", "source_lookup", KeyPurpose.LOOKUP), "id"));

    private final TenantTransactions transactions;
    private final Map<EncryptedColumn, Column> byColumn = COLUMNS.stream()
            .collect(Collectors.toUnmodifiableMap(Column::encrypted, Function.identity()));

    public EncryptedColumnRows(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public List<EncryptedColumn> columns() {
        return COLUMNS.stream().map(Column::encrypted).toList();
    }

    @Override
    public List<UUID> tenants() {
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "key rotation tenants", TENANTS,
                row -> Sql.required(row, "id", UUID.class));
    }

    @Override
    public List<EncryptedRow> page(UUID tenant, EncryptedColumn column, Optional<UUID> after, int limit) {
        return transactions.query(new TenantId(tenant), Consistency.READ_YOUR_WRITES, "encrypted rows page",
                known(column).page(),
                row -> new EncryptedRow(Sql.required(row, "row_id", UUID.class),
                        Sql.required(row, "value", byte[].class)),
                tenant, after.orElse(START), limit);
    }

    @Override
    public boolean replace(UUID tenant, EncryptedColumn column, UUID rowId, byte[] expected, byte[] replacement) {
        String sql = known(column).replace();
        return transactions.write(new TenantId(tenant), "encrypted row replacement",
                connection -> Sql.update(connection, sql, replacement, tenant, rowId, expected)) == 1;
    }

    @Override
    public long rows(EncryptedColumn column) {
        return count(known(column), new Sql.Null(byte[].class));
    }

    @Override
    public long rowsWithPrefix(EncryptedColumn column, byte[] prefix) {
        return count(known(column), prefix.clone());
    }

    private long count(Column column, Object prefix) {
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "encrypted rows count", COUNT,
                row -> Sql.required(row, "rows", Long.class),
                column.encrypted().table(), column.encrypted().column(), prefix).getFirst();
    }

    private Column known(EncryptedColumn column) {
        Column known = byColumn.get(column);
        if (known == null) {
            throw new IllegalArgumentException("not an encrypted column of the store: " + column);
        }
        return known;
    }

    private static Column identity(String column, KeyPurpose purpose) {
        return new Column(new EncryptedColumn("person_identities", column, purpose), "person_id");
    }
}
