package org.margin.store.profile;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** Per-submission writing metrics, and each student's profile and time series built from them. */
public final class Profiles {

    /** The most points one time-series read returns. */
    public static final int MAX_POINTS = 1000;

    private static final int FIRST_METRIC_PARAMETER = 3;

    // One statement: the metrics row and the profile update commit together or not at all, and a metrics row that
    // already exists (a redelivered event) adds nothing to the profile.
    private static final String RECORD = """
            WITH recorded AS (
                INSERT INTO writing_metrics (institution_id, submission_id, course_id, student_id, submitted_at, %s)
                SELECT institution_id, id, course_id, student_id, submitted_at, %s
                FROM submissions WHERE institution_id = $1 AND id = $2
                ON CONFLICT (institution_id, submission_id) DO NOTHING
                RETURNING *
            )
            INSERT INTO profile_aggregates (institution_id, student_id, submission_count, first_submitted_at,
                                            last_submitted_at, %s)
            SELECT institution_id, student_id, 1, submitted_at, submitted_at, %s
            FROM recorded
            ON CONFLICT (institution_id, student_id) DO UPDATE SET
                submission_count = profile_aggregates.submission_count + 1,
                first_submitted_at = least(profile_aggregates.first_submitted_at, excluded.first_submitted_at),
                last_submitted_at = greatest(profile_aggregates.last_submitted_at, excluded.last_submitted_at),
                updated_at = now(),
                %s
            RETURNING submission_count, last_submitted_at""".formatted(
            Metric.eachColumn(column -> column),
            String.join(", ", IntStream.range(0, Metric.values().length)
                    .mapToObj(index -> "$" + (FIRST_METRIC_PARAMETER + index)).toList()),
            Metric.eachColumn(column -> column + "_sum, " + column + "_sum_squares"),
            Metric.eachColumn(column -> column + ", " + column + " * " + column),
            Metric.eachColumn(column -> column + "_sum = profile_aggregates." + column + "_sum + excluded." + column
                    + "_sum, " + column + "_sum_squares = profile_aggregates." + column + "_sum_squares + excluded."
                    + column + "_sum_squares"));
    private static final String ALREADY_RECORDED = """
            SELECT EXISTS (SELECT 1 FROM writing_metrics WHERE institution_id = $1 AND submission_id = $2) AS known""";
    private static final String PROFILE = """
            SELECT submission_count, first_submitted_at, last_submitted_at, %s
            FROM profile_aggregates WHERE institution_id = $1 AND student_id = $2"""
            .formatted(Metric.eachColumn(column -> column + "_sum, " + column + "_sum_squares"));
    private static final String TIME_SERIES = """
            SELECT submission_id, course_id, submitted_at, %s
            FROM writing_metrics
            WHERE institution_id = $1 AND student_id = $2 AND submitted_at >= $3 AND submitted_at < $4
            ORDER BY submitted_at DESC
            LIMIT $5""".formatted(Metric.eachColumn(column -> column));

    private final TenantTransactions transactions;

    public Profiles(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Stores a submission's metrics and folds them into its student's profile, once per submission. */
    public Recording record(TenantId tenant, SubmissionId submission, WritingMetrics metrics) {
        Object[] parameters = new Object[FIRST_METRIC_PARAMETER - 1 + Metric.values().length];
        parameters[0] = tenant.value();
        parameters[1] = submission.value();
        for (Metric metric : Metric.values()) {
            parameters[FIRST_METRIC_PARAMETER - 1 + metric.ordinal()] = metrics.value(metric);
        }
        List<Recording> recorded = transactions.writeOne(tenant, "metrics recording", RECORD,
                row -> new Recording.Recorded(Sql.required(row, "submission_count", Long.class),
                        Sql.required(row, "last_submitted_at", Instant.class)), parameters);
        if (!recorded.isEmpty()) {
            return recorded.getFirst();
        }
        // Nothing recorded: a redelivery (its metrics are there, committed) or a submission this tenant lacks.
        return transactions.queryOne(tenant, Consistency.READ_YOUR_WRITES, "metrics recorded check",
                ALREADY_RECORDED, row -> Sql.required(row, "known", Boolean.class), tenant.value(), submission.value())
                ? new Recording.AlreadyRecorded() : new Recording.UnknownSubmission();
    }

    /** A student's running figures; empty when none of their submissions has been analysed. */
    public Optional<Profile> profile(TenantId tenant, PersonId student, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "profile read", PROFILE,
                row -> profileOf(student, row), tenant.value(), student.value());
    }

    /** The student's latest points within the window (at most {@code limit}), oldest first. */
    public List<MetricsPoint> timeSeries(TenantId tenant, PersonId student, TimeWindow window, int limit,
                                         Consistency consistency) {
        if (limit < 1 || limit > MAX_POINTS) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_POINTS);
        }
        List<MetricsPoint> newestFirst = transactions.query(tenant, consistency, "time series read", TIME_SERIES,
                Profiles::pointOf, tenant.value(), student.value(), window.from(), window.until(), limit);
        List<MetricsPoint> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    private static Profile profileOf(PersonId student, Readable row) {
        long count = Sql.required(row, "submission_count", Long.class);
        Map<Metric, MetricSummary> metrics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            double sum = Sql.required(row, metric.column() + "_sum", Double.class);
            double squares = Sql.required(row, metric.column() + "_sum_squares", Double.class);
            double mean = sum / count;
            double variance = count > 1 ? Math.max(0, (squares - sum * mean) / (count - 1)) : 0;
            metrics.put(metric, new MetricSummary(mean, Math.sqrt(variance)));
        }
        return new Profile(student, count,
                Sql.required(row, "first_submitted_at", Instant.class),
                Sql.required(row, "last_submitted_at", Instant.class),
                metrics);
    }

    private static MetricsPoint pointOf(Readable row) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            values.put(metric, Sql.required(row, metric.column(), Double.class));
        }
        return new MetricsPoint(
                new SubmissionId(Sql.required(row, "submission_id", UUID.class)),
                new CourseId(Sql.required(row, "course_id", UUID.class)),
                Sql.required(row, "submitted_at", Instant.class),
                new WritingMetrics(values));
    }
}
