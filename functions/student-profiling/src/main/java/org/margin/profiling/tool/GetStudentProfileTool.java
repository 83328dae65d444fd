package org.margin.profiling.tool;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
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

/** {@code get_student_profile}: a student's running figures over every analysed submission, and their trends. */
public final class GetStudentProfileTool {

    public static final String NAME = "get_student_profile";

    private final Store store;
    private final Access access;
    private final Clock clock;

    public GetStudentProfileTool(Store store, Clock clock) {
        this.store = store;
        this.access = new Access(store.enrollments(), clock);
        this.clock = clock;
    }

    public Tool tool() {
        return Tool.builder(NAME)
                .title("Student writing profile")
                .description("A student's writing profile for an educator who teaches them now: how many "
                        + "submissions were analysed, when the first and last were handed in, the mean and standard "
                        + "deviation of every metric, each metric's growth per 30 days (least squares, from 3 "
                        + "submissions), the recent half of submissions against the earlier half, and how regularly "
                        + "work comes in. Trends use the latest " + Profiles.MAX_POINTS + " submissions.")
                .inputSchema(ProfilingTools.schema("get_student_profile.input.json"))
                .outputSchema(ProfilingTools.schema("get_student_profile.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(ProfilingTools.guarded(this::call))
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Arguments arguments = new Arguments(context.arguments());
        TenantId tenant = arguments.institution();
        PersonId educator = arguments.person("educatorId");
        PersonId student = arguments.person("studentId");
        if (!access.mayViewStudent(tenant, educator, student)) {
            return new ToolError(Access.STUDENT_REFUSED);
        }
        Optional<Profile> profile = store.profiles().profile(tenant, student, Consistency.STALE_OK);
        ObjectNode result = Json.object().put("studentId", student.toString());
        if (profile.isEmpty()) {
            result.put("submissionCount", 0);
            result.putObject("metrics");
            return ToolResult.structured(result);
        }
        List<MetricsPoint> series = store.profiles().timeSeries(tenant, student, TimeWindow.always(),
                Profiles.MAX_POINTS, Consistency.STALE_OK);
        StudentTrends trends = StudentTrends.of(series);
        result.put("submissionCount", profile.get().submissions())
                .put("firstSubmittedAt", profile.get().firstSubmittedAt().toString())
                .put("lastSubmittedAt", profile.get().lastSubmittedAt().toString())
                .put("trendPoints", trends.points());
        ObjectNode metrics = result.putObject("metrics");
        for (Metric metric : Metric.values()) {
            MetricSummary summary = profile.get().metrics().get(metric);
            ObjectNode node = metrics.putObject(MetricNames.of(metric))
                    .put("mean", summary.mean())
                    .put("standardDeviation", summary.standardDeviation());
            trends.writeMetric(metric, node);
        }
        if (trends.points() > 0) {
            result.set("cadence", trends.cadence(clock.instant()));
        }
        return ToolResult.structured(result);
    }
}
