package org.margin.profiling.tool;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.margin.audit.entry.DataCategory;
import org.margin.profiling.profile.ProfileSnapshot;
import org.margin.profiling.profile.ProfileSnapshots;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Profiles;

import tools.jackson.databind.node.ObjectNode;

/** {@code get_student_profile}: a student's running figures over every analysed submission, and their trends. */
public final class GetStudentProfileTool {

    public static final String NAME = "get_student_profile";
    static final Set<DataCategory> SHOWN = Set.of(DataCategory.PROFILE, DataCategory.METRICS);

    private final ProfileSnapshots snapshots;
    private final CallerAccess access;
    private final Clock clock;

    public GetStudentProfileTool(ProfileSnapshots snapshots, CallerAccess access, Clock clock) {
        this.snapshots = snapshots;
        this.access = access;
        this.clock = clock;
    }

    public Tool tool() {
        return Tool.builder(NAME)
                .requiredScopes("profiles:read")
                .title("Student writing profile")
                .description("A student's writing profile, for an educator who teaches them now, an administrator of "
                        + "their institution or the student themself: how many "
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
        PersonId student = new Arguments(context.arguments()).person("studentId");
        Optional<CallerAccess.Permit> permit = access.student(context, student);
        if (permit.isEmpty()) {
            return new ToolError(Refusals.STUDENT_REFUSED);
        }
        ObjectNode profile = snapshots.read(permit.get().asCaller(), permit.get().tenant(), student)
                .map(snapshot -> ProfileSnapshot.completed(snapshot, clock.instant()))
                .orElseGet(() -> ProfileSnapshot.empty(student));
        access.disclose(permit.get(), student, NAME, SHOWN);
        return ToolResult.structured(profile);
    }
}
