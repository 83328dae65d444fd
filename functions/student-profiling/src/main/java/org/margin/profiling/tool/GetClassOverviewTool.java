package org.margin.profiling.tool;

import java.util.Optional;

import org.margin.profiling.profile.MetricNames;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.profile.ClassDistribution;
import org.margin.store.profile.Metric;
import org.margin.store.profile.MetricDistribution;
import org.margin.store.profile.TimeWindow;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code get_class_overview}: how each metric spreads over a course's submissions, for an educator who teaches it.
 * Aggregates only, never a row per student, and nothing at all for a group small enough to single someone out.
 */
public final class GetClassOverviewTool {

    public static final String NAME = "get_class_overview";

    /** What the audit log records when figures were shown: the course, no student (see the README). */
    static final String AUDIT_ACTION = "class_overview.shown";

    private final CallerAccess access;
    private final int minimumStudents;

    /** @param minimumStudents the smallest group shown; at least the store's least minimum of 5 */
    public GetClassOverviewTool(CallerAccess access, int minimumStudents) {
        this.access = access;
        this.minimumStudents = minimumStudents;
    }

    public Tool tool() {
        return Tool.builder(NAME)
                .requiredScopes("profiles:read")
                .title("Class writing overview")
                .description("How every metric spreads over a course's analysed submissions (mean, standard "
                        + "deviation, 10th/25th/50th/75th/90th percentiles; never a minimum, a maximum or any one "
                        + "student's figures), for an educator who teaches the course now or an administrator of its institution. Within the window (from "
                        + "inclusive, until exclusive, both optional). When fewer than " + minimumStudents
                        + " students (or a larger minimumStudents asked for) handed work in, the status is "
                        + "\"withheld\" and no figure is given.")
                .inputSchema(ProfilingTools.schema("get_class_overview.input.json"))
                .outputSchema(ProfilingTools.schema("get_class_overview.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(ProfilingTools.guarded(this::call))
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Arguments arguments = new Arguments(context.arguments());
        CourseId course = arguments.course();
        TimeWindow window = arguments.window();
        // A caller may ask for a larger group, never a smaller one than configured.
        int minimum = Math.max(minimumStudents, arguments.integer("minimumStudents", minimumStudents));
        Optional<CallerAccess.Permit> permit = access.course(context, course);
        if (permit.isEmpty()) {
            return new ToolError(Refusals.COURSE_REFUSED);
        }
        ObjectNode result = Json.object().put("courseId", course.toString()).put("minimumStudents", minimum);
        switch (permit.get().asCaller().classAnalytics().distribution(permit.get().tenant(), course, window, minimum,
                Consistency.STALE_OK)) {
            case ClassDistribution.Available available -> {
                result.put("status", "available")
                        .put("students", available.students())
                        .put("submissions", available.submissions());
                ObjectNode metrics = result.putObject("metrics");
                for (Metric metric : Metric.values()) {
                    MetricDistribution figures = available.metrics().get(metric);
                    metrics.putObject(MetricNames.of(metric))
                            .put("mean", figures.mean())
                            .put("standardDeviation", figures.standardDeviation())
                            .put("p10", figures.p10())
                            .put("p25", figures.p25())
                            .put("median", figures.median())
                            .put("p75", figures.p75())
                            .put("p90", figures.p90());
                }
                access.courseAggregatesShown(permit.get(), course, AUDIT_ACTION);
            }
            // The count itself is withheld too: "2 students" says more about them than "fewer than 5".
            case ClassDistribution.Withheld withheld -> result.put("status", "withheld")
                    .put("reason", "Fewer than " + minimum + " students handed in work in this window, so no "
                            + "figure is shown: it could single one of them out.");
        }
        return ToolResult.structured(result);
    }
}
