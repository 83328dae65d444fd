package org.margin.runtime.mcp.transport;

import org.margin.runtime.mcp.protocol.JsonRpcError;

import io.helidon.http.Status;

/** The HTTP status that carries a JSON-RPC error in 2026-07-28. */
final class Statuses {

    private Statuses() {
    }

    static Status of(JsonRpcError error) {
        return switch (error.code()) {
            case JsonRpcError.METHOD_NOT_FOUND -> Status.NOT_FOUND_404;
            case JsonRpcError.INTERNAL_ERROR -> Status.INTERNAL_SERVER_ERROR_500;
            case JsonRpcError.REQUEST_TIMEOUT -> Status.GATEWAY_TIMEOUT_504;
            default -> Status.BAD_REQUEST_400;
        };
    }
}
