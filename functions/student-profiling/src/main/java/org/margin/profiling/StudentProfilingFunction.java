package org.margin.profiling;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.margin.access.AccessPolicy;
import org.margin.audit.log.AuditLog;
import org.margin.events.EventType;
import org.margin.grid.Grid;
import org.margin.platform.Platform;
import org.margin.profiling.event.WritingAnalyzedHandler;
import org.margin.profiling.profile.ProfileSnapshots;
import org.margin.profiling.recording.AnalysisRecorder;
import org.margin.profiling.tool.CallerAccess;
import org.margin.profiling.tool.GetClassOverviewTool;
import org.margin.profiling.tool.GetProgressTool;
import org.margin.profiling.tool.GetStudentProfileTool;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.runtime.mcp.McpServer;
import org.margin.runtime.telemetry.Telemetry;
import org.margin.store.Store;

import io.opentelemetry.api.metrics.Meter;

/**
 * The student-profiling function: each student's writing profile and trends, and a course's aggregates, over
 * MCP; and the recording of analysed submissions into profiles ({@code writing.analyzed} in,
 * {@code profile.updated} out). Read top to bottom, this is all its wiring.
 */
public final class StudentProfilingFunction {

    public static final String NAME = "student-profiling";
    public static final String VERSION = "0.1.0";

    private final Store store;
    private final Optional<Grid> grid;
    private final ProfilingSettings settings;
    private final Clock clock;
    private final ProfileSnapshots snapshots;
    private final AnalysisRecorder recorder;
    private final AccessPolicy access;
    private final CallerAccess callers;

    /**
     * @param grid  when present, profile reads go through its tiers and recordings invalidate them; the function
     *              closes it when it drains
     * @param audit where the tools' disclosures are recorded before their results leave; its owner closes it
     * @param meter where the recorder's group sizes are recorded
     */
    public StudentProfilingFunction(Store store, Optional<Grid> grid, AuditLog audit, ProfilingSettings settings,
                                    Clock clock, Meter meter) {
        this.store = store;
        this.grid = grid;
        this.settings = settings;
        this.clock = clock;
        this.snapshots = grid.map(tiers -> ProfileSnapshots.cached(store, tiers))
                .orElseGet(ProfileSnapshots::direct);
        this.recorder = new AnalysisRecorder(store.profiles(), snapshots, meter);
        this.access = AccessPolicy.create(store, grid, clock);
        this.callers = new CallerAccess(access, store, audit, clock);
    }

    public static void main(String[] args) {
        runtime(System.getenv()).build().serve();
    }

    /**
     * The function's runtime with everything from {@code environment}: runtime settings and the platform (store,
     * keys, the grid in front of profile reads, event sink). Opens no connection.
     */
    public static FunctionRuntime.Builder runtime(Map<String, String> environment) {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(environment);
        Telemetry telemetry = FunctionRuntime.telemetry(NAME, VERSION, settings);
        Platform platform = Platform.fromEnvironment(environment, NAME, telemetry.meter());
        StudentProfilingFunction function = new StudentProfilingFunction(platform.store(),
                Optional.of(platform.grid()), platform.audit(), ProfilingSettings.fromEnvironment(environment),
                Clock.systemUTC(), telemetry.meter());
        return function.runtime()
                .settings(settings)
                .telemetry(telemetry)
                .cloudEvent(EventType.WRITING_ANALYZED.type(),
                        new WritingAnalyzedHandler(function.recorder(), platform.events(), platform.sink(),
                                platform.consentGate()))
                .deliveryLedger(platform.ledger())
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void settled() {
                        platform.connectInBackground();
                    }

                    @Override
                    public void stopped() {
                        platform.close();
                    }
                });
    }

    /** The function's runtime, reading the runtime's settings from the environment unless a caller gives them. */
    public FunctionRuntime.Builder runtime() {
        return FunctionRuntime.builder()
                .service(NAME, VERSION)
                .declareTools(GetStudentProfileTool.NAME, GetProgressTool.NAME, GetClassOverviewTool.NAME)
                .mcp(mount -> mount.endpoint(mcp()))
                .lifecycle(new LifecycleListener() {
                    @Override
                    public void draining() {
                        grid.ifPresent(Grid::close);
                    }

                    @Override
                    public void stopped() {
                        store.close();
                    }
                });
    }

    /**
     * What the {@code org.margin.writing.analyzed.v1} handler calls: it records the submission's figures once and
     * says whether to emit {@code org.margin.profile.updated.v1}.
     */
    public AnalysisRecorder recorder() {
        return recorder;
    }

    /** Who may see what; an enrolment change made in this process is announced here ({@code enrolmentChanged}). */
    public AccessPolicy access() {
        return access;
    }

    /** The function's MCP server, open for a caller (a load driver) to add to before it is built. */
    public McpServer.Builder mcp() {
        return McpServer.builder()
                .serverInfo("margin-" + NAME, VERSION)
                .title("Margin student profiles")
                .instructions("Writing profiles, for the signed-in caller: get_student_profile and get_progress for "
                        + "a student you teach now (a student: your own), get_class_overview for a course you "
                        + "teach now (aggregates only, withheld for small groups). Every profile shown is recorded "
                        + "in the institution's disclosure log.")
                .tool(new GetStudentProfileTool(snapshots, callers, clock).tool())
                .tool(new GetProgressTool(callers).tool())
                .tool(new GetClassOverviewTool(callers, settings.minimumGroupSize()).tool());
    }
}
