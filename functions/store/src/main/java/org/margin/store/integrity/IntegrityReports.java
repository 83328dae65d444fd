package org.margin.store.integrity;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** The latest similarity report of each submission, as the integrity function encoded it. */
public final class IntegrityReports {

    // The course comes from the submission, as for fingerprints; a later check replaces the earlier report. The
    // reports travel as hex text, an array of which the driver binds ($3).
    private static final String SAVE = """
            INSERT INTO integrity_reports (institution_id, submission_id, course_id, report)
            SELECT s.institution_id, s.id, s.course_id, decode(given.report, 'hex')
            FROM unnest($2::uuid[], $3::text[]) AS given (submission_id, report)
            JOIN submissions s ON s.institution_id = $1 AND s.id = given.submission_id
            ON CONFLICT (institution_id, submission_id)
            DO UPDATE SET report = excluded.report, checked_at = now()
            RETURNING submission_id, xmax = 0 AS first""";
    private static final String FIND = """
            SELECT report FROM integrity_reports WHERE institution_id = $1 AND submission_id = $2""";

    private static final HexFormat HEX = HexFormat.of();

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

    /** A report to keep as its submission's latest. */
    public record SubmissionReport(SubmissionId submission, Opaque report) {
    }

    /** Keeps the report as the submission's latest. */
    public Saved save(TenantId tenant, SubmissionId submission, Opaque report) {
        return saveEach(tenant, List.of(new SubmissionReport(submission, report))).getFirst();
    }

    /**
     * Keeps each report as its submission's latest, in one statement, and says what became of each, in order. A
     * statement can change a row once only, so reports that name one submission twice are kept one after another,
     * the later replacing the earlier, as if saved apart.
     */
    public List<Saved> saveEach(TenantId tenant, List<SubmissionReport> reports) {
        if (reports.stream().map(SubmissionReport::submission).distinct().count() < reports.size()) {
            return reports.stream().map(report -> saveEach(tenant, List.of(report)).getFirst()).toList();
        }
        UUID[] submissions = new UUID[reports.size()];
        String[] bodies = new String[reports.size()];
        for (int i = 0; i < reports.size(); i++) {
            submissions[i] = reports.get(i).submission().value();
            bodies[i] = HEX.formatHex(reports.get(i).report().bytes());
        }
        Map<UUID, Saved> saved = new HashMap<>();
        for (Map.Entry<UUID, Saved> row : transactions.writeOne(tenant, "integrity reports", SAVE,
                row -> Map.entry(Sql.required(row, "submission_id", UUID.class),
                        Sql.required(row, "first", Boolean.class) ? Saved.FIRST : Saved.REPLACED),
                tenant.value(), submissions, bodies)) {
            saved.put(row.getKey(), row.getValue());
        }
        return reports.stream()
                .map(report -> saved.getOrDefault(report.submission().value(), Saved.NO_SUBMISSION))
                .toList();
    }

    public Optional<Opaque> find(TenantId tenant, SubmissionId submission, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "integrity report read", FIND,
                row -> Opaque.of(Sql.required(row, "report", byte[].class)), tenant.value(), submission.value());
    }
}
