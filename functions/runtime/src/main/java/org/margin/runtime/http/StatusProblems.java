package org.margin.runtime.http;

import io.helidon.http.Status;

/**
 * The problem document for an error status raised by the HTTP layer itself (no route, wrong method, unreadable
 * request), where the runtime has no more specific reason than the status.
 *
 * @param endpoints the endpoints this runtime serves, named in a 404's detail so that a client sees where to go
 */
record StatusProblems(String endpoints) {

    Problem forStatus(Status status) {
        int code = status.code();
        return switch (code) {
            case Status.NOT_FOUND_404_CODE -> Problem.of(status, "not-found", "No such endpoint",
                    "Nothing is served at this path. This function serves " + endpoints + ".");
            case Status.METHOD_NOT_ALLOWED_405_CODE -> Problem.of(status, "method-not-allowed",
                    "Method not allowed", "This endpoint does not accept this HTTP method; see the Allow header.");
            case Status.REQUEST_ENTITY_TOO_LARGE_413_CODE -> Problem.of(status, "payload-too-large",
                    "Request body too large", "The request body is larger than this endpoint accepts.");
            case Status.BAD_REQUEST_400_CODE -> Problem.of(status, "bad-request", "Malformed request",
                    "The request is not valid HTTP/1.1 or has malformed headers.");
            default -> code >= 500
                    ? Problem.of(status, "internal-error", "Internal error",
                    "The function failed to handle this request; it may succeed if retried later.")
                    : Problem.of(status, "request-error", status.reasonPhrase(),
                    "The request was refused with status " + code + ".");
        };
    }
}
