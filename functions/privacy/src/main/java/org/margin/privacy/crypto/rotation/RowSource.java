package org.margin.privacy.crypto.rotation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.margin.privacy.crypto.EncryptedColumn;

/**
 * The stored rows whose columns hold this module's ciphertexts, as the re-encryption job and the disable check
 * need them. The store implements it; it reads and writes opaque bytes and never sees a key.
 */
public interface RowSource {

    /** Every encrypted column of the store. */
    List<EncryptedColumn> columns();

    /** Every tenant that may hold rows. */
    List<UUID> tenants();

    /**
     * Up to {@code limit} rows of one tenant with a value in {@code column}, in row-id order, after {@code after}
     * (from the start when empty).
     */
    List<EncryptedRow> page(UUID tenant, EncryptedColumn column, Optional<UUID> after, int limit);

    /**
     * Replaces a row's value if it still is {@code expected}, in the tenant's transaction.
     *
     * @return false if the row changed or went meanwhile (a concurrent write wins; nothing is lost)
     */
    boolean replace(UUID tenant, EncryptedColumn column, UUID rowId, byte[] expected, byte[] replacement);

    /** Rows, across every tenant, with a value in {@code column}. */
    long rows(EncryptedColumn column);

    /** Rows, across every tenant, whose value in {@code column} starts with {@code prefix} (a key's id prefix). */
    long rowsWithPrefix(EncryptedColumn column, byte[] prefix);
}
