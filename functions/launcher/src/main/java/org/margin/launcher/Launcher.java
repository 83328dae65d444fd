package org.margin.launcher;

import java.util.ArrayList;
import java.util.List;

import org.margin.analysis.WritingAnalysisFunction;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.RuntimeSettings;
import org.margin.runtime.lifecycle.LifecycleListener;

/**
 * Local mode: every function in this one process, each on its own fixed port, as {@code ./margin dev} runs them.
 * Production runs each function as its own Knative Service instead.
 */
public final class Launcher {

    /** The functions and their local ports, in the order they are listed. */
    private static final List<LocalFunction> FUNCTIONS = List.of(
            new LocalFunction(WritingAnalysisFunction.NAME, 8081, WritingAnalysisFunction.runtime()));

    private Launcher() {
    }

    public static void main(String[] args) {
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

    private record LocalFunction(String name, int port, FunctionRuntime.Builder runtime) {
    }
}
