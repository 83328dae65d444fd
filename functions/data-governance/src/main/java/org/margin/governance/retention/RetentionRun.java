package org.margin.governance.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.margin.audit.entry.Actor;
import org.margin.audit.log.AuditLog;
import org.margin.audit.prune.AuditPruner;
import org.margin.audit.prune.Pruning;
import org.margin.governance.audit.AuditRecords;
import org.margin.governance.rights.StudentCaches;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.consent.Consent;
import org.margin.store.retention.Expired;
import org.margin.store.retention.RetentionCategory;
import org.margin.store.tenant.TenantId;

/**
 * One expiry run: for each institution and each category, deletes what is older than the institution's period, one
 * transaction per category, then buries the cached values derived from it. The audit log is pruned, not deleted
 * from: up to its newest signed checkpoint whose entries are all older than the period, and only if the chain
 * verifies ({@link AuditPruner}). Submissions go first, so the later categories find less to do. Then it applies
 * the consents withdrawn in the last {@link #WITHDRAWAL_LOOKBACK}: the data processed for each withdrawn purpose
 * before the withdrawal goes. Each category's and each purpose's counts are recorded in the institution's audit
 * log, as the act of whoever started the run. Last, it lowers the integrity index's counts by every debit the
 * institution's fingerprint deletions left ({@link org.margin.store.integrity.IndexCounts}): this run's, and any an
 * erasure's follow-up did not get to. The schedule's run also prunes the installation's own chain.
 */
public final class RetentionRun {

    /**
     * How far back a run looks for withdrawals. Applying one again deletes nothing more, so every daily run in this
     * window applies it: a month of failed runs still leaves none unapplied.
     */
    public static final Duration WITHDRAWAL_LOOKBACK = Duration.ofDays(35);

    private static final System.Logger LOG = System.getLogger(RetentionRun.class.getName());
    private static final String AUDIT_TABLE = "audit_entries";

    private static final List<RetentionCategory> EXPIRED_HERE = List.of(RetentionCategory.SUBMISSIONS,
            RetentionCategory.METRICS, RetentionCategory.FINGERPRINTS, RetentionCategory.ALERTS);

    private final Store store;
    private final StudentCaches caches;
    private final AuditRecords audit;
    private final Clock clock;
    private final AuditPruner pruner;

    public RetentionRun(Store store, StudentCaches caches, AuditRecords audit, AuditPruner pruner, Clock clock) {
        this.store = store;
        this.caches = caches;
        this.audit = audit;
        this.pruner = pruner;
        this.clock = clock;
    }

    /**
     * What one institution's run deleted: rows per table, per category and per withdrawn purpose, the cache keys
     * buried, and what pruning the audit log did (empty when it could not run: the store or the signing keys away).
     */
    public record Report(TenantId tenant, Instant ranAt, Map<RetentionCategory, Map<String, Long>> deleted,
                         Map<String, Map<String, Long>> withdrawn, int cacheKeysBuried, Optional<Pruning> audit) {

        public long total() {
            return sum(deleted.values()) + sum(withdrawn.values());
        }

        private static long sum(Iterable<Map<String, Long>> tables) {
            long total = 0;
            for (Map<String, Long> rows : tables) {
                total += rows.values().stream().mapToLong(Long::longValue).sum();
            }
            return total;
        }
    }

    /** Runs for one institution on behalf of {@code by}. */
    public Report run(TenantId tenant, Actor by) {
        Instant now = clock.instant();
        Map<RetentionCategory, Integer> periods = store.retentionPolicies().periods(tenant,
                Consistency.READ_YOUR_WRITES);
        Map<RetentionCategory, Map<String, Long>> deleted = new TreeMap<>();
        int buried = 0;
        for (RetentionCategory category : EXPIRED_HERE) {
            Expired expired = store.expiry().expire(tenant, category,
                    now.minus(Duration.ofDays(periods.get(category))));
            deleted.put(category, new TreeMap<>(expired.deleted()));
            buried += caches.forget(tenant, expired.students(), expired.submissions());
        }
        Map<String, Map<String, Long>> withdrawn = new TreeMap<>();
        for (Consent consent : store.consents().withdrawnSince(tenant, now.minus(WITHDRAWAL_LOOKBACK),
                Consistency.READ_YOUR_WRITES)) {
            Expired expired = store.expiry().withdrawn(tenant, consent.student(), consent.purpose(),
                    consent.withdrawnAt().orElseThrow());
            Map<String, Long> rows = withdrawn.computeIfAbsent(consent.purpose().column(), purpose -> new TreeMap<>());
            expired.deleted().forEach((table, count) -> rows.merge(table, count, Long::sum));
            buried += caches.forget(tenant, expired.students(), expired.submissions());
        }
        Optional<Pruning> pruning = pruneAudit(tenant, by, deleted);
        withdrawn.forEach((purpose, rows) ->
                audit.action(tenant, by, "retention.withdrawn_consent", target(purpose, rows)));
        store.indexCounts().applyOrLeave(tenant);
        return new Report(tenant, now, deleted, withdrawn, buried, pruning);
    }

    /**
     * Prunes a chain's audit log and records, in that chain, every category's counts ({@code deleted}, to which the
     * audit's own is added) and why the log was not pruned, if it was not.
     */
    private Optional<Pruning> pruneAudit(TenantId chain, Actor by, Map<RetentionCategory, Map<String, Long>> deleted) {
        Optional<Pruning> pruning = pruneAudit(chain);
        deleted.put(RetentionCategory.AUDIT, Map.of(AUDIT_TABLE,
                pruning.orElse(null) instanceof Pruning.Pruned pruned ? pruned.deleted() : 0L));
        deleted.forEach((category, rows) ->
                audit.action(chain, by, "retention.expired", target(category.wireName(), rows)));
        if (pruning.isEmpty()) {
            audit.action(chain, by, "retention.audit_not_pruned", "audit/unavailable");
        } else if (pruning.get() instanceof Pruning.Refused refused) {
            audit.action(chain, by, "retention.audit_not_pruned", "audit/"
                    + refused.failure().tampering().name().toLowerCase(Locale.ROOT) + ":" + refused.failure().seq());
        }
        return pruning;
    }

    /**
     * Prunes the institution's audit chain; empty when that failed to run, which must not cost the audit records of
     * what the other categories deleted, so the failure is logged by kind and the next run tries again.
     */
    private Optional<Pruning> pruneAudit(TenantId tenant) {
        try {
            Pruning pruning = pruner.prune(tenant);
            if (pruning instanceof Pruning.Refused refused) {
                LOG.log(System.Logger.Level.ERROR, "audit chain of " + tenant + " not pruned: it does not verify at "
                        + refused.failure().seq() + " (" + refused.failure().tampering() + ")");
            }
            return Optional.of(pruning);
        } catch (RuntimeException failure) {
            LOG.log(System.Logger.Level.WARNING, "audit chain of " + tenant + " not pruned this run: "
                    + failure.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /**
     * Runs for every institution, as the schedule does, then prunes the installation's own chain (key management,
     * dead-letter replays: no institution's data, so no institution's policy) at the default audit period.
     */
    public List<Report> runAll() {
        List<Report> reports = new ArrayList<>();
        for (TenantId tenant : store.retentionPolicies().tenants()) {
            reports.add(run(tenant, AuditRecords.SCHEDULE));
        }
        reports.add(installation());
        return reports;
    }

    private Report installation() {
        Instant now = clock.instant();
        Map<RetentionCategory, Map<String, Long>> deleted = new TreeMap<>();
        Optional<Pruning> pruning = pruneAudit(AuditLog.INSTALLATION, AuditRecords.SCHEDULE, deleted);
        return new Report(AuditLog.INSTALLATION, now, deleted, Map.of(), 0, pruning);
    }

    /** {@code metrics/writing_metrics:12/...}: counts only, in the audit log's reference alphabet. */
    private static String target(String what, Map<String, Long> rows) {
        StringBuilder target = new StringBuilder(what);
        rows.forEach((table, count) -> target.append('/').append(table).append(':').append(count));
        return target.toString();
    }
}
