package org.margin.profiling.tool;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.margin.audit.entry.DataCategory;
import org.margin.profiling.profile.MetricNames;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.profile.MetricsPoint;
import org.margin.store.profile.TimeWindow;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code get_progress}: chosen metrics of a student's submissions within a window, at most a bounded number. */
public final class GetProgressTool {

    public static final String NAME = "get_progress";
    public static final int MAX_POINTS = 200;
    public static final int DEFAULT_POINTS = 50;

    private static final Set<DataCategory> SHOWN = Set.of(DataCategory.METRICS);

    private final CallerAccess access;

    public GetProgressTool(CallerAccess access) {
        this.access = access;
    }

    public Tool tool() {
        return Tool.builder(NAME)
                .requiredScopes("profiles:read")
                .title("Student writing progress")
                .description("A time series of chosen metrics over a student's analysed submissions, oldest first, "
                        + "for an educator who teaches them now, an administrator of their institution or the student "
                        + "themself. Within the window (from inclusive, until exclusive, "
                        + "both optional) it returns the latest maxPoints submissions (default " + DEFAULT_POINTS
                        + ", at most " + MAX_POINTS + "); truncated says whether older ones were left out.")
                .inputSchema(ProfilingTools.schema("get_progress.input.json"))
                .outputSchema(ProfilingTools.schema("get_progress.output.json"))
                .annotations(ToolAnnotations.readOnly())
                .handler(ProfilingTools.guarded(this::call))
                .build();
    }

    private ToolOutcome call(RequestContext context) {
        Arguments arguments = new Arguments(context.arguments());
        PersonId student = arguments.person("studentId");
        Set<Metric> chosen = metrics(arguments.path("metrics"));
        TimeWindow window = arguments.window();
        int maxPoints = arguments.integer("maxPoints", DEFAULT_POINTS);
        Optional<CallerAccess.Permit> permit = access.student(context, student);
        if (permit.isEmpty()) {
            return new ToolError(Refusals.STUDENT_REFUSED);
        }
        // One more than asked for tells whether older submissions were left out.
        List<MetricsPoint> series = permit.get().asCaller().profiles().timeSeries(permit.get().tenant(), student,
                window, maxPoints + 1, Consistency.STALE_OK);
        boolean truncated = series.size() > maxPoints;
        ObjectNode result = Json.object().put("studentId", student.toString()).put("truncated", truncated);
        ArrayNode names = result.putArray("metrics");
        chosen.forEach(metric -> names.add(MetricNames.of(metric)));
        ArrayNode points = result.putArray("points");
        for (MetricsPoint point : truncated ? series.subList(1, series.size()) : series) {
            ObjectNode node = points.addObject().put("submittedAt", point.submittedAt().toString());
            ObjectNode values = node.putObject("values");
            for (Metric metric : chosen) {
                values.put(MetricNames.of(metric), point.metrics().value(metric));
            }
        }
        access.disclose(permit.get(), student, NAME, SHOWN);
        return ToolResult.structured(result);
    }

    /** The metrics named (the schema has checked the names), or every metric when none is named. */
    private static Set<Metric> metrics(JsonNode names) {
        if (names.isMissingNode()) {
            return EnumSet.allOf(Metric.class);
        }
        Set<Metric> chosen = EnumSet.noneOf(Metric.class);
        for (JsonNode name : names) {
            chosen.add(MetricNames.metric(name.asString())
                    .orElseThrow(() -> new InvalidArgument("metrics names a metric that does not exist")));
        }
        return chosen;
    }
}
