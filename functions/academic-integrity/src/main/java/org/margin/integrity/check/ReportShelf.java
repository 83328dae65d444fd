package org.margin.integrity.check;

import java.util.Optional;
import java.util.UUID;

import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.integrity.IntegrityReports;
import org.margin.store.integrity.IntegrityReports.Saved;
import org.margin.store.integrity.IntegrityReports.SubmissionReport;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.GroupCommit;
import org.margin.store.tenant.TenantId;

/**
 * Submissions' latest reports, kept in the store with the grid in front: a report is read far more often than it
 * is written (every educator opening it). A submission's first report goes to the store alone: no tier can hold a
 * report that did not exist (a read that finds none caches nothing), so the grid's locks and notices, which cost
 * more than the insert, would guard nothing. A later check's report replaces the stored one and then buries the
 * key in every tier, so no instance serves the old one afterwards. The cache's key is "tenant/submission",
 * pseudonymised by the grid.
 *
 * <p>Reports that are kept at once go to the store together, in one statement and one transaction (the store's
 * {@link GroupCommit}, as the ingress keeps submissions), rather than a transaction each.
 */
public final class ReportShelf {

    private static final String CACHE = "integrity-reports";
    /** The most reports one statement keeps. */
    private static final int GROUP_SIZE = 64;
    /** One statement of a tenant at a time: the reports that come while it runs make the next. */
    private static final int GROUPS_IN_FLIGHT = 1;

    private final GroupCommit<SubmissionReport, Saved> saves;
    private final TieredCache reports;

    public ReportShelf(Grid grid, IntegrityReports stored) {
        this.saves = new GroupCommit<>(stored::saveEach, GROUP_SIZE, GROUPS_IN_FLIGHT);
        this.reports = grid.cache(CACHE,
                key -> stored.find(tenant(key), submission(key), Consistency.READ_YOUR_WRITES).map(Opaque::bytes));
    }

    public void put(TenantId tenant, SubmissionId submission, byte[] report) {
        switch (saves.write(tenant, new SubmissionReport(submission, Opaque.of(report)))) {
            case FIRST -> {
            }
            case REPLACED -> reports.invalidate(key(tenant, submission));
            case NO_SUBMISSION -> throw new IllegalStateException("the report's submission is not in the store");
        }
    }

    public Optional<byte[]> get(TenantId tenant, SubmissionId submission) {
        return reports.read(key(tenant, submission));
    }

    private static String key(TenantId tenant, SubmissionId submission) {
        return tenant.value() + "/" + submission.value();
    }

    private static TenantId tenant(String key) {
        return new TenantId(UUID.fromString(key.substring(0, key.indexOf('/'))));
    }

    private static SubmissionId submission(String key) {
        return new SubmissionId(UUID.fromString(key.substring(key.indexOf('/') + 1)));
    }
}
