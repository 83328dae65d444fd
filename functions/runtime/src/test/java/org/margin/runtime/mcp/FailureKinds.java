package org.margin.runtime.mcp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.margin.runtime.telemetry.ToolCallObserver;

/** A tool-call observer that keeps the kind of every failure it is told of, in order. */
final class FailureKinds implements ToolCallObserver {

    private final List<String> kinds = new CopyOnWriteArrayList<>();

    @Override
    public ToolCall start(String toolName) {
        return new ToolCall() {
            @Override
            public void failed(String kind) {
                kinds.add(kind);
            }

            @Override
            public void close() {
            }
        };
    }

    /** The kinds so far; a live view. */
    List<String> kinds() {
        return kinds;
    }
}
