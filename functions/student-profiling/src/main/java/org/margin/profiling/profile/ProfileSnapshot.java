package org.margin.profiling.profile;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.margin.profiling.trend.Trends;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.profile.MetricSummary;
import org.margin.store.profile.MetricsPoint;
import org.margin.store.profile.Profile;
import org.margin.store.profile.Profiles;
import org.margin.store.profile.TimeWindow;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ObjectNode;

/**
 * A student's profile as {@code get_student_profile} returns it, but for the days since the last submission: all
 * of it changes only when a submission is recorded, so it can be kept until then.
 */
public final class ProfileSnapshot {

    private ProfileSnapshot() {
    }

    /** The snapshot from the store's profile and latest time series; empty when nothing was recorded. */
    static Optional<ObjectNode> build(Store store, TenantId tenant, PersonId student, Consistency consistency) {
        Optional<Profile> found = store.profiles().profile(tenant, student, consistency);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Profile profile = found.get();
        List<MetricsPoint> series = store.profiles().timeSeries(tenant, student, TimeWindow.always(),
                Profiles.MAX_POINTS, consistency);
        StudentTrends trends = StudentTrends.of(series);
        ObjectNode snapshot = Json.object().put("studentId", student.toString())
                .put("submissionCount", profile.submissions())
                .put("firstSubmittedAt", profile.firstSubmittedAt().toString())
                .put("lastSubmittedAt", profile.lastSubmittedAt().toString())
                .put("trendPoints", trends.points());
        ObjectNode metrics = snapshot.putObject("metrics");
        for (Metric metric : Metric.values()) {
            MetricSummary summary = profile.metrics().get(metric);
            ObjectNode node = metrics.putObject(MetricNames.of(metric))
                    .put("mean", summary.mean())
                    .put("standardDeviation", summary.standardDeviation());
            trends.writeMetric(metric, node);
        }
        if (trends.points() > 0) {
            snapshot.set("cadence", trends.cadence());
        }
        return Optional.of(snapshot);
    }

    /** The tool's answer from a snapshot, at {@code now}. */
    public static ObjectNode completed(ObjectNode snapshot, Instant now) {
        if (snapshot.path("cadence").isObject()) {
            long last = Instant.parse(snapshot.path("lastSubmittedAt").asString()).toEpochMilli();
            ((ObjectNode) snapshot.get("cadence")).put("daysSinceLast", Trends.daysSince(last, now.toEpochMilli()));
        }
        return snapshot;
    }

    /** The tool's answer for a student with no recorded submission. */
    public static ObjectNode empty(PersonId student) {
        ObjectNode result = Json.object().put("studentId", student.toString()).put("submissionCount", 0);
        result.putObject("metrics");
        return result;
    }
}
