package org.margin.runtime.auth;

/**
 * An access token that cannot be accepted. The message is our own words for the client's
 * {@code error_description}: it never quotes the token or any of its claims.
 */
public final class InvalidToken extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidToken(String description) {
        super(description, null, false, false);
    }
}
