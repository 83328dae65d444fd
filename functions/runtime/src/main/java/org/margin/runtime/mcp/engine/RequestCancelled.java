package org.margin.runtime.mcp.engine;

/**
 * Ends the serving of a request its client cancelled: the client wants no answer, so none is made. Thrown only once
 * {@link ClientChannel#cancelled()} says so; it is control flow, so it carries no stack trace.
 */
public final class RequestCancelled extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RequestCancelled() {
        super("Request cancelled by the client", null, false, false);
    }
}
