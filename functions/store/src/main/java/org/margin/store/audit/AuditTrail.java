package org.margin.store.audit;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.StoreRejectedException;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The append-only {@code audit_entries} and {@code audit_checkpoints} of V14, and the anchors of V19 that let a chain
 * be pruned up to a signed checkpoint. Appending takes a per-tenant
 * transaction-level advisory lock, reads the chain's head and inserts what {@code extension} computes from it, all
 * in one transaction, so instances appending to one tenant's chain at once queue instead of forking it.
 */
public final class AuditTrail {

    /** Computes the entries that follow a chain head: called inside the appending transaction. */
    @FunctionalInterface
    public interface Extension {
        List<AuditEntryRow> after(ChainHead head);
    }

    private static final String SCOPE_AND_LOCK = """
            SELECT set_config('app.tenant', $1, true), pg_advisory_xact_lock(hashtextextended('margin.audit:' || $1, 0))""";
    /** The last entry, or the newest anchor when pruning removed every entry up to it. */
    private static final String HEAD = """
            SELECT seq, chain_hash FROM (
                (SELECT seq, chain_hash FROM audit_entries WHERE institution_id = $1 ORDER BY seq DESC LIMIT 1)
                UNION ALL
                (SELECT tree_size, chain_hash FROM audit_anchors WHERE institution_id = $1
                 ORDER BY tree_size DESC LIMIT 1)) AS heads
            ORDER BY seq DESC LIMIT 1""";
    private static final String INSERT = """
            INSERT INTO audit_entries (institution_id, seq, recorded_at, payload, chain_hash)
            VALUES ($1, $2, $3, $4, $5)""";
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
     * Appends, in one transaction, the entries {@code extension} makes from the chain's head; returns the new head's
     * sequence number. The rows must continue the head's numbering without gaps.
     */
    public long append(TenantId tenant, Extension extension) {
        return appendAll(Map.of(tenant, extension)).get(tenant);
    }

    /**
     * Appends to several chains in one transaction, so that one commit serves a batch of many tenants; returns each
     * chain's new head sequence number. The tenant is set before each chain's statements (row-level security checks
     * every statement against it), and the chains are locked in tenant id order, so two instances appending to the
     * same chains wait for each other instead of deadlocking.
     */
    public Map<TenantId, Long> appendAll(Map<TenantId, Extension> chains) {
        List<TenantId> ordered = chains.keySet().stream().sorted(Comparator.comparing(TenantId::value)).toList();
        return transactions.writeWithoutTenant("audit append", connection -> Flux.fromIterable(ordered)
                .concatMap(tenant -> appendTo(connection, tenant, chains.get(tenant))
                        .map(last -> Map.entry(tenant, last)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Lock, then read the head, then insert: each waits for the one before, so the head read sees the last commit. */
    private static Mono<Long> appendTo(Connection connection, TenantId tenant, Extension extension) {
        return Sql.rows(connection, SCOPE_AND_LOCK, row -> 1, tenant.toString())
                .then(Sql.rows(connection, HEAD, row -> new ChainHead(Sql.required(row, "seq", Long.class),
                                Sql.required(row, "chain_hash", byte[].class)), tenant.value())
                        .singleOrEmpty()
                        .defaultIfEmpty(ChainHead.EMPTY))
                .flatMap(head -> {
                    List<AuditEntryRow> rows = extension.after(head);
                    for (int i = 0; i < rows.size(); i++) {
                        if (rows.get(i).seq() != head.seq() + 1 + i) {
                            return Mono.error(new IllegalArgumentException(
                                    "audit entries must follow the chain head without gaps"));
                        }
                    }
                    if (rows.isEmpty()) {
                        return Mono.just(head.seq());
                    }
                    return insert(connection.createStatement(INSERT), tenant.value(), rows)
                            .thenReturn(rows.getLast().seq());
                });
    }

    private static Mono<Long> insert(Statement statement, UUID tenant, List<AuditEntryRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            AuditEntryRow row = rows.get(i);
            if (i > 0) {
                statement.add();
            }
            statement.bind(0, tenant).bind(1, row.seq())
                    .bind(2, OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC))
                    .bind(3, row.payload()).bind(4, row.chainHash());
        }
        // One execution with one binding per row: the driver sends them all before the first answer comes back.
        return Flux.from(statement.execute()).flatMap(result -> result.getRowsUpdated()).reduce(0L, Long::sum);
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
