package org.margin.store.profile;

import io.r2dbc.spi.Readable;
import java.util.EnumMap;
import java.util.Map;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/**
 * Class views: how each metric spreads over a course's submissions, never any one student's figures. Students who
 * withdrew their analytics consent are left out.
 */
public final class ClassAnalytics {

    /** Below this, a class view would come close to describing one student. */
    public static final int LEAST_MINIMUM_STUDENTS = 5;

    private static final String DISTRIBUTION = """
            SELECT count(*) AS submissions, count(DISTINCT student_id) AS students, %s
            FROM writing_metrics
            WHERE institution_id = $1 AND course_id = $2 AND submitted_at >= $3 AND submitted_at < $4
              AND student_id NOT IN (
                  SELECT person_id FROM consents
                  WHERE institution_id = $1 AND purpose = 'analytics'
                  GROUP BY person_id HAVING bool_and(withdrawn_at IS NOT NULL))"""
            .formatted(Metric.eachColumn(column -> "avg(" + column + ") AS " + column + "_mean, "
                    + "coalesce(stddev_samp(" + column + "), 0) AS " + column + "_sd, "
                    + "percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9]::double precision[]) WITHIN GROUP (ORDER BY "
                    + column + ") AS " + column + "_quantiles"));

    private final TenantTransactions transactions;

    public ClassAnalytics(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * The course's distribution of every metric over the submissions handed in within the window; withheld when
     * fewer than {@code minimumStudents} students (at least {@value #LEAST_MINIMUM_STUDENTS}) contributed.
     */
    public ClassDistribution distribution(TenantId tenant, CourseId course, TimeWindow window, int minimumStudents,
                                          Consistency consistency) {
        if (minimumStudents < LEAST_MINIMUM_STUDENTS) {
            throw new IllegalArgumentException("minimumStudents must be at least " + LEAST_MINIMUM_STUDENTS);
        }
        return transactions.queryOne(tenant, consistency, "class distribution read", DISTRIBUTION,
                row -> distributionOf(row, minimumStudents),
                tenant.value(), course.value(), window.from(), window.until());
    }

    private static ClassDistribution distributionOf(Readable row, int minimumStudents) {
        long students = Sql.required(row, "students", Long.class);
        if (students < minimumStudents) {
            return new ClassDistribution.Withheld(students, minimumStudents);
        }
        Map<Metric, MetricDistribution> metrics = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Double[] quantiles = Sql.required(row, metric.column() + "_quantiles", Double[].class);
            metrics.put(metric, new MetricDistribution(
                    Sql.required(row, metric.column() + "_mean", Double.class),
                    Sql.required(row, metric.column() + "_sd", Double.class),
                    quantiles[0], quantiles[1], quantiles[2], quantiles[3], quantiles[4]));
        }
        return new ClassDistribution.Available(students, Sql.required(row, "submissions", Long.class), metrics);
    }
}
