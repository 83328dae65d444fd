package org.margin.runtime.http;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers requests that Helidon rejects before routing (malformed HTTP, oversized headers or bodies) with a
 * problem document, in place of Helidon's plain-text message, which may quote the offending input.
 */
public final class TransportErrorHandler implements DirectHandler {

    private final StatusProblems problems;

    /** @param endpoints the endpoints this runtime serves, in words, for the detail of a 404 */
    public TransportErrorHandler(String endpoints) {
        this.problems = new StatusProblems(endpoints);
    }

    @Override
    public TransportResponse handle(TransportRequest request,
                                    EventType eventType,
                                    Status defaultStatus,
                                    ServerResponseHeaders responseHeaders,
                                    String message) {
        Problem problem = problems.forStatus(defaultStatus);
        return TransportResponse.builder()
                .status(defaultStatus)
                .headers(responseHeaders)
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE.text())
                .keepAlive(eventType.keepAlive())
                .entity(problem.toJson())
                .build();
    }
}
