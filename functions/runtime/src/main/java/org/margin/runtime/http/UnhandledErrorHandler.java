package org.margin.runtime.http;

import java.lang.System.Logger.Level;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ErrorHandler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The last resort for anything a route threw: the client gets a problem document, never a stack trace, and the
 * log gets the exception's class and where it was thrown, never its message (messages often quote input).
 */
public final class UnhandledErrorHandler implements ErrorHandler<Throwable> {

    private static final System.Logger LOG = System.getLogger(UnhandledErrorHandler.class.getName());

    private final StatusProblems problems;

    /** @param endpoints the endpoints this runtime serves, in words, for the detail of a 404 */
    public UnhandledErrorHandler(String endpoints) {
        this.problems = new StatusProblems(endpoints);
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response, Throwable error) {
        if (error instanceof HttpException http) {
            if (http.headers().contains(HeaderNames.ALLOW)) {
                response.header(http.headers().get(HeaderNames.ALLOW));
            }
            problems.forStatus(http.status()).send(response);
            return;
        }
        LOG.log(Level.WARNING, () -> "Unhandled " + error.getClass().getName() + " at " + origin(error)
                + " while serving " + request.prologue().method().text() + "; message withheld");
        problems.forStatus(Status.INTERNAL_SERVER_ERROR_500).send(response);
    }

    private static String origin(Throwable error) {
        StackTraceElement[] trace = error.getStackTrace();
        return trace.length == 0 ? "an unknown place" : trace[0].toString();
    }
}
