package org.margin.runtime.mcp.protocol;

/**
 * Ends the handling of one message with a JSON-RPC error. It is control flow for client mistakes, so it
 * carries no stack trace.
 */
public final class McpException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient JsonRpcError error;

    public McpException(JsonRpcError error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public JsonRpcError error() {
        return error;
    }
}
