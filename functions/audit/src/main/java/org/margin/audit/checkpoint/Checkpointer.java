package org.margin.audit.checkpoint;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.margin.audit.merkle.CompactRange;
import org.margin.audit.merkle.TreeHashes;
import org.margin.store.audit.AuditAnchorRow;
import org.margin.store.audit.AuditCheckpointRow;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.audit.AuditTrail;
import org.margin.store.tenant.TenantId;

/**
 * Signs the Merkle root of a chain's entries so far: on demand ({@link #checkpoint}), for every chain
 * ({@link #checkpointAll}), or every interval on a virtual thread ({@link #every}). A chain with no entry since its
 * last checkpoint gets none. The root is computed by reading the chain in pages through a {@link CompactRange}, so
 * memory stays constant whatever the chain's length; a pruned chain's range starts from its anchor's.
 */
public final class Checkpointer {

    static final int PAGE = 10_000;

    private final AuditTrail trail;
    private final CheckpointKeys keys;

    public Checkpointer(AuditTrail trail, CheckpointKeys keys) {
        this.trail = trail;
        this.keys = keys;
    }

    /** Signs and stores a checkpoint of {@code tenant}'s chain as it is now; empty when there is nothing new. */
    public Optional<AuditCheckpointRow> checkpoint(TenantId tenant) {
        List<AuditCheckpointRow> existing = trail.checkpoints(tenant);
        long covered = existing.isEmpty() ? 0 : existing.getLast().treeSize();
        CompactRange range = rootSoFar(tenant);
        if (range.size() <= covered) {
            return Optional.empty();
        }
        AuditCheckpointRow signed = keys.sign(tenant, range.size(), range.root());
        return trail.addCheckpoint(tenant, signed) ? Optional.of(signed) : Optional.empty();
    }

    /**
     * The compact range of the whole chain, from its anchor on. A prune that commits while the pages are read leaves
     * a gap behind the new anchor: then the range is computed again from that anchor. A gap with no new anchor is a
     * removed entry, and nothing is signed over it.
     */
    private CompactRange rootSoFar(TenantId tenant) {
        while (true) {
            Optional<AuditAnchorRow> anchor = trail.anchor(tenant);
            CompactRange range = anchor.map(at -> CompactRange.of(at.treeSize(), at.compactRange()))
                    .orElseGet(CompactRange::new);
            if (appendEntries(tenant, range)) {
                return range;
            }
            long contiguous = range.size();
            if (trail.anchor(tenant).map(AuditAnchorRow::treeSize).orElse(0L)
                    == anchor.map(AuditAnchorRow::treeSize).orElse(0L)) {
                throw new IllegalStateException("the audit chain has a gap after entry " + contiguous
                        + "; its root is not signed");
            }
        }
    }

    /** Appends the leaves of the entries after the range's end; false at a gap in the sequence. */
    private boolean appendEntries(TenantId tenant, CompactRange range) {
        while (true) {
            List<AuditEntryRow> page = trail.page(tenant, range.size(), PAGE);
            for (AuditEntryRow row : page) {
                if (row.seq() != range.size() + 1) {
                    return false;
                }
                range.append(TreeHashes.leaf(row.payload()));
            }
            if (page.size() < PAGE) {
                return true;
            }
        }
    }

    /** Checkpoints every chain that has entries; returns how many new checkpoints were stored. */
    public int checkpointAll() {
        int signed = 0;
        for (TenantId chain : trail.chains()) {
            if (checkpoint(chain).isPresent()) {
                signed++;
            }
        }
        return signed;
    }

    /** Runs {@link #checkpointAll} every {@code interval} until the returned handle is closed. */
    public AutoCloseable every(Duration interval) {
        Thread job = Thread.ofVirtual().name("margin-audit-checkpoints").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(interval);
                    checkpointAll();
                } catch (InterruptedException stop) {
                    return;
                } catch (RuntimeException passing) {
                    // The store or the keys may be away for a moment; the next round signs what this one missed.
                    System.getLogger(Checkpointer.class.getName()).log(System.Logger.Level.WARNING,
                            "audit checkpoint round failed: " + passing.getClass().getSimpleName());
                }
            }
        });
        return job::interrupt;
    }
}
