package org.margin.store.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.StoreRejectedException;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/**
 * The append-only {@code audit_entries} and {@code audit_checkpoints} of V14, and the anchors of V19 that let a chain
 * be pruned up to a signed checkpoint. Appending is one call of {@code audit_append} (V22), which takes a per-tenant
 * transaction-level advisory lock, reads the chain's head and inserts the batch with its chain hashes, all in one
 * transaction, so instances appending to one tenant's chain at once queue instead of forking it.
 */
public final class AuditTrail {

    private static final String APPEND = "SELECT audit_append($1, $2, $3) AS last";
    private static final String PAGE = """
            SELECT seq, recorded_at, payload, chain_hash FROM audit_entries
            WHERE institution_id = $1 AND seq > $2 ORDER BY seq LIMIT $3""";
    private static final String CHECKPOINTS = """
            SELECT tree_size, root_hash, signature, key_id, signed_at FROM audit_checkpoints
            WHERE institution_id = $1 ORDER BY tree_size""";
    private static final String ADD_CHECKPOINT = """
            INSERT INTO audit_checkpoints (institution_id, tree_size, root_hash, signature, key_id, signed_at)
            VALUES ($1, $2, $3, $4, $5, $6)""";

    private static final String ANCHOR = """
            SELECT tree_size, root_hash, signature, key_id, signed_at, chain_hash, compact_range FROM audit_anchors
            WHERE institution_id = $1 ORDER BY tree_size DESC LIMIT 1""";

    private final TenantTransactions transactions;
    private final TenantTransactions bulkReads;

    /**
     * @param transactions the store's transactions
     * @param bulkReads    transactions on connections that return binary results, for reading a chain in pages
     */
    public AuditTrail(TenantTransactions transactions, TenantTransactions bulkReads) {
        this.transactions = transactions;
        this.bulkReads = bulkReads;
    }

    /**
     * Appends {@code payloads}, in order, to the tenant's chain in one transaction and one round trip, and returns the
     * sequence number of the last; the first follows the chain's head. The database ({@code audit_append}, V22)
     * takes the chain's lock, reads its head (the last entry, or the anchor a prune left), computes each chain hash
     * and inserts, so instances appending to one chain at once queue instead of forking it.
     */
    public long append(TenantId tenant, Instant recordedAt, List<byte[]> payloads) {
        if (payloads.isEmpty()) {
            throw new IllegalArgumentException("an append needs at least one entry");
        }
        Integer[] lengths = new Integer[payloads.size()];
        int total = 0;
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = payloads.get(i).length;
            total += lengths[i];
        }
        byte[] joined = new byte[total];
        int at = 0;
        for (byte[] payload : payloads) {
            System.arraycopy(payload, 0, joined, at, payload.length);
            at += payload.length;
        }
        return transactions.writeOne(tenant, "audit append", APPEND,
                        row -> Sql.required(row, "last", Long.class),
                        OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC), joined, lengths)
                .getFirst();
    }

    /** Up to {@code limit} entries after {@code afterSeq}, in order: one page of a streaming read. */
    public List<AuditEntryRow> page(TenantId tenant, long afterSeq, int limit) {
        return bulkReads.query(tenant, Consistency.READ_YOUR_WRITES, "audit read", PAGE, row -> new AuditEntryRow(
                        Sql.required(row, "seq", Long.class),
                        Sql.required(row, "recorded_at", OffsetDateTime.class).toInstant(),
                        Sql.required(row, "payload", byte[].class),
                        Sql.required(row, "chain_hash", byte[].class)),
                tenant.value(), afterSeq, limit);
    }

    /** The tenant's checkpoints by tree size. */
    public List<AuditCheckpointRow> checkpoints(TenantId tenant) {
        return transactions.query(tenant, Consistency.READ_YOUR_WRITES, "audit checkpoint read", CHECKPOINTS,
                row -> new AuditCheckpointRow(Sql.required(row, "tree_size", Long.class),
                        Sql.required(row, "root_hash", byte[].class),
                        Sql.required(row, "signature", byte[].class),
                        Sql.required(row, "key_id", Long.class),
                        Sql.required(row, "signed_at", OffsetDateTime.class).toInstant()),
                tenant.value());
    }

    /** Stores a checkpoint; false when one of that tree size exists already (another instance signed it). */
    public boolean addCheckpoint(TenantId tenant, AuditCheckpointRow checkpoint) {
        try {
            transactions.write(tenant, "audit checkpoint", connection -> Sql.update(connection, ADD_CHECKPOINT,
                    tenant.value(), checkpoint.treeSize(), checkpoint.rootHash(), checkpoint.signature(),
                    checkpoint.keyId(), OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC)));
            return true;
        } catch (StoreRejectedException rejected) {
            if (rejected.reason() == StoreRejectedException.Reason.DUPLICATE) {
                return false;
            }
            throw rejected;
        }
    }

    /** The ids of every chain that has entries (tenants, and the installation's nil UUID). */
    public List<TenantId> chains() {
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "audit chains",
                "SELECT audit_chains() AS id", row -> new TenantId(Sql.required(row, "id", UUID.class)));
    }

    /** The chain's newest anchor: where its pruned part ends and verification starts. Empty when never pruned. */
    public Optional<AuditAnchorRow> anchor(TenantId tenant) {
        return transactions.queryFirst(tenant, Consistency.READ_YOUR_WRITES, "audit anchor read", ANCHOR,
                row -> new AuditAnchorRow(new AuditCheckpointRow(Sql.required(row, "tree_size", Long.class),
                        Sql.required(row, "root_hash", byte[].class),
                        Sql.required(row, "signature", byte[].class),
                        Sql.required(row, "key_id", Long.class),
                        Sql.required(row, "signed_at", OffsetDateTime.class).toInstant()),
                        Sql.required(row, "chain_hash", byte[].class),
                        AuditAnchorRow.split(Sql.required(row, "compact_range", byte[].class))),
                tenant.value());
    }

    /**
     * The tree size up to which the chain may be pruned now: the newest checkpoint past the anchor whose entries are
     * all older than the institution's audit period, as the database judges it ({@code audit_prune_point()}, V19).
     */
    public OptionalLong prunePoint(TenantId tenant) {
        return transactions.queryOne(tenant, Consistency.READ_YOUR_WRITES, "audit prune point",
                        "SELECT audit_prune_point() AS point", row -> Optional.ofNullable(row.get("point", Long.class)))
                .map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Anchors the chain at the checkpoint of tree size {@code point} (its {@link #prunePoint}) with the compact range
     * of its tree, and deletes the entries up to it; returns how many were deleted. The database refuses (a
     * {@link StoreRejectedException}) a point that is not the prune point or a range that does not give the
     * checkpoint's root.
     */
    public long prune(TenantId tenant, long point, List<byte[]> compactRange) {
        return transactions.write(tenant, "audit prune", connection -> Sql.rows(connection,
                        "SELECT audit_prune($1, $2) AS deleted", row -> Sql.required(row, "deleted", Long.class),
                        point, AuditAnchorRow.join(compactRange))
                .single());
    }
}
