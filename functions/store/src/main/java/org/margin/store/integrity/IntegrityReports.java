package org.margin.store.integrity;

import java.util.Optional;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** The latest similarity report of each submission, as the integrity function encoded it. */
public final class IntegrityReports {

    // The course comes from the submission, as for fingerprints; a later check replaces the earlier report.
    private static final String SAVE = """
            INSERT INTO integrity_reports (institution_id, submission_id, course_id, report)
            SELECT s.institution_id, s.id, s.course_id, $3
            FROM submissions s
            WHERE s.institution_id = $1 AND s.id = $2
            ON CONFLICT (institution_id, submission_id)
            DO UPDATE SET report = excluded.report, checked_at = now()
            RETURNING xmax = 0 AS first""";
    private static final String FIND = """
            SELECT report FROM integrity_reports WHERE institution_id = $1 AND submission_id = $2""";

    private final TenantTransactions transactions;

    public IntegrityReports(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** What became of a report handed to {@link #save}. */
    public enum Saved {
        /** The submission's first report: no earlier one exists that anything could have kept. */
        FIRST,
        /** An earlier report of the submission was replaced. */
        REPLACED,
        /** The submission is unknown in this tenant; nothing was kept. */
        NO_SUBMISSION
    }

    /** Keeps the report as the submission's latest. */
    public Saved save(TenantId tenant, SubmissionId submission, Opaque report) {
        return transactions.writeOne(tenant, "integrity report", SAVE,
                        row -> Sql.required(row, "first", Boolean.class) ? Saved.FIRST : Saved.REPLACED,
                        tenant.value(), submission.value(), report.bytes())
                .stream().findFirst().orElse(Saved.NO_SUBMISSION);
    }

    public Optional<Opaque> find(TenantId tenant, SubmissionId submission, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "integrity report read", FIND,
                row -> Opaque.of(Sql.required(row, "report", byte[].class)), tenant.value(), submission.value());
    }
}
