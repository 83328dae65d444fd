package org.margin.profiling;

import java.time.Clock;

import org.margin.profiling.recording.AnalysisRecorder;
import org.margin.profiling.tool.GetClassOverviewTool;
import org.margin.profiling.tool.GetProgressTool;
import org.margin.profiling.tool.GetStudentProfileTool;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
import org.margin.store.Store;

/**
 * The student-profiling function: each student's writing profile and trends, and a course's aggregates, over
 * MCP; and the recording of analysed submissions into profiles. Read top to bottom, this is all its wiring.
 */
public final class StudentProfilingFunction {

    public static final String NAME = "student-profiling";
    public static final String VERSION = "0.1.0";

    private StudentProfilingFunction() {
    }

    public static void main(String[] args) {
        // Builds no connection: the store's pool opens on the first call.
        Store store = Store.builder().environment(System.getenv()).applicationName(NAME).build();
        runtime(store, ProfilingSettings.fromEnvironment(System.getenv()), Clock.systemUTC()).build().serve();
    }

    /** The function's runtime over a store, reading the runtime's settings from the environment. */
    public static FunctionRuntime.Builder runtime(Store store, ProfilingSettings settings, Clock clock) {
        return FunctionRuntime.builder()
                .service(NAME, VERSION)
                .declareTools(GetStudentProfileTool.NAME, GetProgressTool.NAME, GetClassOverviewTool.NAME)
                .mcp(mount -> mount.endpoint(mcp(store, settings, clock)))
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void stopped() {
                        store.close();
                    }
                });
    }

    /** What the {@code org.margin.writing.analyzed.v1} handler calls; the event wiring belongs to the caller. */
    public static AnalysisRecorder recorder(Store store) {
        return new AnalysisRecorder(store.profiles());
    }

    /** The function's MCP server, open for a caller (a load driver) to add to before it is built. */
    public static McpServer.Builder mcp(Store store, ProfilingSettings settings, Clock clock) {
        return McpServer.builder()
                .serverInfo("margin-" + NAME, VERSION)
                .title("Margin student profiles")
                .instructions("Writing profiles for educators: get_student_profile and get_progress for a student "
                        + "you teach, get_class_overview for a course you teach (aggregates only, withheld for "
                        + "small groups). Pass institutionId and your educatorId.")
                .tool(new GetStudentProfileTool(store, clock).tool())
                .tool(new GetProgressTool(store, clock).tool())
                .tool(new GetClassOverviewTool(store, clock, settings.minimumGroupSize()).tool());
    }
}
