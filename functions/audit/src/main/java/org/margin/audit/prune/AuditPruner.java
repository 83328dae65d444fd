package org.margin.audit.prune;

import java.util.List;
import java.util.OptionalLong;
import org.margin.audit.merkle.CompactRange;
import org.margin.audit.merkle.TreeHashes;
import org.margin.audit.verify.AuditVerifier;
import org.margin.audit.verify.Verification;
import org.margin.store.audit.AuditEntryRow;
import org.margin.store.audit.AuditTrail;
import org.margin.store.tenant.TenantId;

/**
 * Expires a chain's old entries without making the log rewritable: up to the newest signed checkpoint whose
 * entries are all older than the institution's audit period (the database decides which, V19's
 * {@code audit_prune_point()}), never single entries. The chain is verified first; then the compact range of the
 * checkpoint's tree is computed from the previous anchor and the entries since, and handed to
 * {@code audit_prune()}, which checks that it gives the signed root, stores the anchor and deletes up to it.
 */
public final class AuditPruner {

    private static final int PAGE = 10_000;

    private final AuditTrail trail;
    private final AuditVerifier verifier;

    public AuditPruner(AuditTrail trail, AuditVerifier verifier) {
        this.trail = trail;
        this.verifier = verifier;
    }

    public Pruning prune(TenantId tenant) {
        OptionalLong point = trail.prunePoint(tenant);
        if (point.isEmpty()) {
            return new Pruning.NothingDue();
        }
        if (verifier.verify(tenant) instanceof Verification.Failed failure) {
            return new Pruning.Refused(failure);
        }
        CompactRange range = rangeAt(tenant, point.getAsLong());
        return new Pruning.Pruned(point.getAsLong(), trail.prune(tenant, point.getAsLong(), range.nodes()));
    }

    private CompactRange rangeAt(TenantId tenant, long size) {
        CompactRange range = trail.anchor(tenant)
                .map(anchor -> CompactRange.of(anchor.treeSize(), anchor.compactRange()))
                .orElseGet(CompactRange::new);
        while (range.size() < size) {
            List<AuditEntryRow> page = trail.page(tenant, range.size(), (int) Math.min(PAGE, size - range.size()));
            if (page.isEmpty()) {
                throw new IllegalStateException("the chain ends before its prune point");
            }
            for (AuditEntryRow row : page) {
                range.append(TreeHashes.leaf(row.payload()));
            }
        }
        return range;
    }
}
