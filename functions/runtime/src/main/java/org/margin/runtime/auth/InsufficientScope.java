package org.margin.runtime.auth;

/**
 * The caller's token lacks a scope the requested tool needs: HTTP 403 with an {@code insufficient_scope} challenge
 * naming it, so the client can ask the authorization server for more (step-up authorization).
 */
public final class InsufficientScope extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String scope;

    public InsufficientScope(String scope) {
        super("the access token lacks the scope this tool requires", null, false, false);
        this.scope = scope;
    }

    /** The missing scope. */
    public String scope() {
        return scope;
    }
}
