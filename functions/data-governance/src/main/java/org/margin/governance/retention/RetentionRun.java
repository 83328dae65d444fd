package org.margin.governance.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.margin.audit.entry.Actor;
import org.margin.governance.audit.AuditRecords;
import org.margin.governance.rights.StudentCaches;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.consent.Consent;
import org.margin.store.retention.Expired;
import org.margin.store.retention.RetentionCategory;
import org.margin.store.tenant.TenantId;

/**
 * One expiry run: for each institution and each category but the audit log (which its own append-only store
 * expires), deletes what is older than the institution's period, one transaction per category, then buries the
 * cached values derived from it. Submissions go first, so the later categories find less to do. Then it applies
 * the consents withdrawn in the last {@link #WITHDRAWAL_LOOKBACK}: the data processed for each withdrawn purpose
 * before the withdrawal goes. Each category's and each purpose's counts are recorded in the institution's audit
 * log, as the act of whoever started the run.
 */
public final class RetentionRun {

    /**
     * How far back a run looks for withdrawals. Applying one again deletes nothing more, so every daily run in this
     * window applies it: a month of failed runs still leaves none unapplied.
     */
    public static final Duration WITHDRAWAL_LOOKBACK = Duration.ofDays(35);

    private static final List<RetentionCategory> EXPIRED_HERE = List.of(RetentionCategory.SUBMISSIONS,
            RetentionCategory.METRICS, RetentionCategory.FINGERPRINTS, RetentionCategory.ALERTS);

    private final Store store;
    private final StudentCaches caches;
    private final AuditRecords audit;
    private final Clock clock;

    public RetentionRun(Store store, StudentCaches caches, AuditRecords audit, Clock clock) {
        this.store = store;
        this.caches = caches;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What one institution's run deleted: rows per table, per category and per withdrawn purpose, and the cache
     * keys buried.
     */
    public record Report(TenantId tenant, Instant ranAt, Map<RetentionCategory, Map<String, Long>> deleted,
                         Map<String, Map<String, Long>> withdrawn, int cacheKeysBuried) {

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
        deleted.forEach((category, rows) ->
                audit.action(tenant, by, "retention.expired", target(category.wireName(), rows)));
        withdrawn.forEach((purpose, rows) ->
                audit.action(tenant, by, "retention.withdrawn_consent", target(purpose, rows)));
        return new Report(tenant, now, deleted, withdrawn, buried);
    }

    /** Runs for every institution, as the schedule does. */
    public List<Report> runAll() {
        List<Report> reports = new ArrayList<>();
        for (TenantId tenant : store.retentionPolicies().tenants()) {
            reports.add(run(tenant, AuditRecords.SCHEDULE));
        }
        return reports;
    }

    /** {@code metrics/writing_metrics:12/...}: counts only, in the audit log's reference alphabet. */
    private static String target(String what, Map<String, Long> rows) {
        StringBuilder target = new StringBuilder(what);
        rows.forEach((table, count) -> target.append('/').append(table).append(':').append(count));
        return target.toString();
    }
}
