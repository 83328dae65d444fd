package org.margin.governance.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.margin.governance.rights.StudentCaches;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.retention.Expired;
import org.margin.store.retention.RetentionCategory;
import org.margin.store.tenant.TenantId;

/**
 * One expiry run: for each institution and each category but the audit log (which its own append-only store
 * expires), deletes what is older than the institution's period, one transaction per category, then buries the
 * cached values derived from it. Submissions go first, so the later categories find less to do.
 */
public final class RetentionRun {

    private static final List<RetentionCategory> EXPIRED_HERE = List.of(RetentionCategory.SUBMISSIONS,
            RetentionCategory.METRICS, RetentionCategory.FINGERPRINTS, RetentionCategory.ALERTS);

    private final Store store;
    private final StudentCaches caches;
    private final Clock clock;

    public RetentionRun(Store store, StudentCaches caches, Clock clock) {
        this.store = store;
        this.caches = caches;
        this.clock = clock;
    }

    /** What one institution's run deleted: rows per table, per category, and the cache keys buried. */
    public record Report(TenantId tenant, Instant ranAt, Map<RetentionCategory, Map<String, Long>> deleted,
                         int cacheKeysBuried) {

        public long total() {
            return deleted.values().stream().flatMap(rows -> rows.values().stream()).mapToLong(Long::longValue).sum();
        }
    }

    /** Runs for one institution. */
    public Report run(TenantId tenant) {
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
        return new Report(tenant, now, deleted, buried);
    }

    /** Runs for every institution, as the schedule does. */
    public List<Report> runAll() {
        List<Report> reports = new ArrayList<>();
        for (TenantId tenant : store.retentionPolicies().tenants()) {
            reports.add(run(tenant));
        }
        return reports;
    }
}
