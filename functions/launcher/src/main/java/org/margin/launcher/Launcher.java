package org.margin.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.margin.analysis.WritingAnalysisFunction;
import org.margin.grid.member.LocalGrid;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;
import org.margin.store.local.LocalDatabase;

/**
 * Local mode: every function in this one process, each on its own fixed port, as {@code ./margin dev} runs them,
 * beside an embedded PostgreSQL (migrated, its data kept in {@code .margin/postgres} across restarts) and one
 * Hazelcast member. Production runs each function as its own Knative Service, against external servers.
 */
public final class Launcher {

    private static final Path DATABASE_DIRECTORY = Path.of(".margin", "postgres");

    /** The functions and their local ports, in the order they are listed. */
    private static final List<LocalFunction> FUNCTIONS = List.of(
            new LocalFunction(WritingAnalysisFunction.NAME, 8081, WritingAnalysisFunction.runtime()));

    private Launcher() {
    }

    public static void main(String[] args) {
        startBackingServices();
        RuntimeSettings shared = RuntimeSettings.fromEnvironment();
        List<FunctionRuntime> runtimes = new ArrayList<>();
        for (LocalFunction function : FUNCTIONS) {
            runtimes.add(function.runtime()
                    .settings(shared.withPort(function.port()))
                    .lifecycle(new LifecycleListener() {
                        @Override
                        public void started(int port) {
                            System.out.printf("%-20s MCP at http://127.0.0.1:%d/mcp%n", function.name(), port);
                        }
                    })
                    .build());
        }
        FunctionRuntime.serve(runtimes);
    }

    /**
     * Starts the database and the grid member beside the functions, without holding up their start: both take
     * seconds (the database's first start runs initdb and the migrations), and no function waits for them.
     */
    private static void startBackingServices() {
        ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor();
        CompletableFuture<LocalDatabase> database = CompletableFuture.supplyAsync(() -> {
            LocalDatabase started = LocalDatabase.start(DATABASE_DIRECTORY);
            System.out.printf("%-20s PostgreSQL at %s (migrated; data in %s)%n", "database", started.jdbcUrl(),
                    DATABASE_DIRECTORY);
            return started;
        }, starter);
        CompletableFuture<LocalGrid> grid = CompletableFuture.supplyAsync(() -> {
            LocalGrid started = LocalGrid.start();
            System.out.printf("%-20s Hazelcast member at %s%n", "grid", String.join(", ", started.addresses()));
            return started;
        }, starter);
        starter.shutdown();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            grid.thenAccept(LocalGrid::close);
            database.thenAccept(LocalDatabase::close);
        }, "local-services-stop"));
    }

    private record LocalFunction(String name, int port, FunctionRuntime.Builder runtime) {
    }
}
