package org.margin.runtime.telemetry;

/**
 * How the MCP layer reports a tool call to telemetry: one span (a child of the request's span) and the
 * tool's RED metrics. Only the tool's name and the outcome's kind are ever passed: never arguments or results.
 */
public interface ToolCallObserver {

    /** Starts observing one call of {@code toolName}; the caller closes the returned scope when the call ends. */
    ToolCall start(String toolName);

    /** One observed call. */
    interface ToolCall extends AutoCloseable {

        /** Marks the call as failed; {@code kind} is a closed, PII-free category such as {@code tool_error}. */
        void failed(String kind);

        @Override
        void close();
    }
}
