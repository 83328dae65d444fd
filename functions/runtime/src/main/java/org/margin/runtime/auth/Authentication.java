package org.margin.runtime.auth;

/** What a request's credentials amount to. */
public sealed interface Authentication {

    /** A valid token: the request goes on as {@code caller}. */
    record Authenticated(Caller caller) implements Authentication {
    }

    /**
     * No usable token: answer {@code status} with {@code challenge} as {@code WWW-Authenticate} and {@code detail}
     * (our own words) in a problem document, before reading the request's body.
     */
    record Refused(int status, String slug, String challenge, String detail) implements Authentication {
    }
}
