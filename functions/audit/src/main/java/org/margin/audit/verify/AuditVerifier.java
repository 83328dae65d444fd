package org.margin.audit.verify;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.margin.audit.checkpoint.CheckpointKeys;
import org.margin.audit.merkle.CompactRange;
import org.margin.audit.merkle.ConsistencyProofs;
import org.margin.audit.merkle.LeafHashes;
import org.margin.audit.merkle.TreeHashes;
import org.margin.store.audit.AuditAnchorRow;
import org.margin.store.audit.AuditCheckpointRow;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.audit.AuditTrail;
import org.margin.store.tenant.TenantId;

/**
 * Verifies a chain end to end, reading its entries in pages in sequence order: every sequence number present, every
 * chain hash {@code SHA-256(previous chain hash || leaf hash)}, every checkpoint's signature, every checkpoint's root
 * equal to the Merkle root of the entries it covers, and an RFC 9162 consistency proof from each checkpoint to the
 * next. A pruned chain starts at its anchor: the anchor's checkpoint signature and compact range are checked, then
 * chain hashes follow from the anchor's and roots grow from its compact range; checkpoints below the anchor keep
 * only their signatures to check. Memory holds one page, the compact range of the tree so far and the leaf hashes since the last checkpoint.
 *
 * <p>When an entry's chain hash is wrong, the verifier looks at the next {@value #LOOK_AHEAD} entries for one that
 * would fit in its place: found, the chain was reordered; not found, the entry was altered.
 */
public final class AuditVerifier {

    static final int LOOK_AHEAD = 1_000;
    private static final Executor PAGE_READER = command -> Thread.ofVirtual().name("margin-audit-read").start(command);

    private final AuditTrail trail;
    private final CheckpointKeys keys;
    private final int pageSize;

    public AuditVerifier(AuditTrail trail, CheckpointKeys keys) {
        this(trail, keys, 10_000);
    }

    public AuditVerifier(AuditTrail trail, CheckpointKeys keys, int pageSize) {
        this.trail = trail;
        this.keys = keys;
        this.pageSize = pageSize;
    }

    /**
     * Verifies the chain from its anchor on. A prune that commits meanwhile removes entries ahead of the reading, which
     * would look like removed entries: a failure is reported only if the anchor is still the one verified from, and
     * otherwise the chain is verified again from the new anchor.
     */
    public Verification verify(TenantId tenant) {
        while (true) {
            Optional<AuditAnchorRow> anchor = trail.anchor(tenant);
            Verification outcome = verifyFrom(tenant, anchor);
            if (outcome instanceof Verification.Verified || treeSize(trail.anchor(tenant)) == treeSize(anchor)) {
                return outcome;
            }
        }
    }

    private static long treeSize(Optional<AuditAnchorRow> anchor) {
        return anchor.map(AuditAnchorRow::treeSize).orElse(0L);
    }

    private Verification verifyFrom(TenantId tenant, Optional<AuditAnchorRow> anchor) {
        List<AuditCheckpointRow> checkpoints = trail.checkpoints(tenant);
        for (AuditCheckpointRow checkpoint : checkpoints) {
            if (!keys.verifies(tenant, checkpoint)) {
                return new Verification.Failed(checkpoint.treeSize(), Tampering.BAD_CHECKPOINT,
                        "the signature of the checkpoint at tree size " + checkpoint.treeSize() + " does not verify");
            }
        }
        CompactRange range = new CompactRange();
        byte[] previous = new byte[TreeHashes.SIZE];
        AuditCheckpointRow lastCheckpoint = null;
        if (anchor.isPresent()) {
            Optional<Verification.Failed> bad = badAnchor(tenant, anchor.get());
            if (bad.isPresent()) {
                return bad.get();
            }
            range = CompactRange.of(anchor.get().treeSize(), anchor.get().compactRange());
            previous = anchor.get().chainHash();
            lastCheckpoint = anchor.get().checkpoint();
        }
        long pruned = range.size();
        CompactRange atLastCheckpoint = range.copy();
        LeafHashes sinceLastCheckpoint = new LeafHashes(pruned);
        int next = 0;
        while (next < checkpoints.size() && checkpoints.get(next).treeSize() <= pruned) {
            next++;
        }
        long expected = pruned + 1;
        Entries entries = new Entries(tenant, pruned);
        while (entries.hasNext()) {
            AuditEntryRow row = entries.next();
            if (row.seq() != expected) {
                return new Verification.Failed(expected, Tampering.REMOVED,
                        "entry " + expected + " is missing; the next stored entry is " + row.seq());
            }
            byte[] leaf = TreeHashes.leaf(row.payload());
            byte[] chained = TreeHashes.chain(previous, leaf);
            if (!Arrays.equals(chained, row.chainHash())) {
                long belongs = entries.lookAheadFor(previous);
                return belongs > 0
                        ? new Verification.Failed(expected, Tampering.REORDERED,
                                "the entry stored as " + belongs + " belongs at " + expected)
                        : new Verification.Failed(expected, Tampering.ALTERED,
                                "entry " + expected + " does not match its chain hash");
            }
            previous = chained;
            range.append(leaf);
            if (lastCheckpoint != null) {
                sinceLastCheckpoint.add(leaf);
            }
            while (next < checkpoints.size() && checkpoints.get(next).treeSize() == expected) {
                AuditCheckpointRow checkpoint = checkpoints.get(next);
                byte[] root = range.root();
                if (!Arrays.equals(root, checkpoint.rootHash())) {
                    long from = lastCheckpoint == null ? 1 : lastCheckpoint.treeSize() + 1;
                    return new Verification.Failed(from, Tampering.ALTERED, "the entries " + from + " to "
                            + expected + " are not those the checkpoint at tree size " + expected
                            + " signed: one of them was rewritten together with the chain hashes after it");
                }
                if (lastCheckpoint != null && !ConsistencyProofs.verify(lastCheckpoint.treeSize(), expected,
                        lastCheckpoint.rootHash(), checkpoint.rootHash(), ConsistencyProofs.prove(
                                lastCheckpoint.treeSize(), expected, atLastCheckpoint, sinceLastCheckpoint))) {
                    return new Verification.Failed(expected, Tampering.BAD_CHECKPOINT, "the checkpoint at tree size "
                            + expected + " is not consistent with the one at " + lastCheckpoint.treeSize());
                }
                lastCheckpoint = checkpoint;
                atLastCheckpoint = range.copy();
                sinceLastCheckpoint = new LeafHashes(expected);
                next++;
            }
            expected++;
        }
        if (next < checkpoints.size()) {
            return new Verification.Failed(expected, Tampering.REMOVED, "the checkpoint at tree size "
                    + checkpoints.get(next).treeSize() + " covers entries from " + expected + " on, which are gone");
        }
        return new Verification.Verified(expected - 1, checkpoints.size());
    }

    /**
     * What is wrong with an anchor, if anything: its checkpoint must carry this keyset's signature for this chain, and
     * its compact range must give the signed root, so that the chain hash and range it hands on are those signed.
     */
    private Optional<Verification.Failed> badAnchor(TenantId tenant, AuditAnchorRow anchor) {
        long size = anchor.treeSize();
        if (!keys.verifies(tenant, anchor.checkpoint())) {
            return Optional.of(new Verification.Failed(size, Tampering.BAD_CHECKPOINT,
                    "the signature of the anchor's checkpoint at tree size " + size + " does not verify"));
        }
        if (anchor.compactRange().size() != Long.bitCount(size) || !Arrays.equals(
                CompactRange.of(size, anchor.compactRange()).root(), anchor.checkpoint().rootHash())) {
            return Optional.of(new Verification.Failed(size, Tampering.BAD_CHECKPOINT,
                    "the anchor's compact range at tree size " + size + " does not give its signed root"));
        }
        return Optional.empty();
    }

    /**
     * The chain's entries in sequence order, a page at a time; the next page is read on a virtual thread while this
     * one is hashed, so reading and hashing overlap.
     */
    private final class Entries implements Iterator<AuditEntryRow> {
        private final TenantId tenant;
        private List<AuditEntryRow> page = List.of();
        private CompletableFuture<List<AuditEntryRow>> nextPage;
        private int at;
        private boolean exhausted;

        Entries(TenantId tenant, long after) {
            this.tenant = tenant;
            this.nextPage = read(after);
        }

        private CompletableFuture<List<AuditEntryRow>> read(long after) {
            return CompletableFuture.supplyAsync(() -> trail.page(tenant, after, pageSize), PAGE_READER);
        }

        @Override
        public boolean hasNext() {
            if (at < page.size()) {
                return true;
            }
            if (exhausted) {
                return false;
            }
            try {
                page = nextPage.join();
            } catch (CompletionException failure) {
                throw failure.getCause() instanceof RuntimeException cause ? cause : failure;
            }
            at = 0;
            exhausted = page.size() < pageSize;
            if (!exhausted) {
                nextPage = read(page.getLast().seq());
            }
            return !page.isEmpty();
        }

        @Override
        public AuditEntryRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(at++);
        }

        /** The sequence number of a later entry whose chain hash follows {@code previous}; 0 when none does. */
        long lookAheadFor(byte[] previous) {
            for (int seen = 0; seen < LOOK_AHEAD && hasNext(); seen++) {
                AuditEntryRow row = next();
                if (Arrays.equals(TreeHashes.chain(previous, TreeHashes.leaf(row.payload())), row.chainHash())) {
                    return row.seq();
                }
            }
            return 0;
        }
    }
}
