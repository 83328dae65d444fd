package org.margin.runtime.lifecycle;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.margin.runtime.http.Problem;
import org.margin.runtime.http.RouteClassifier;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Counts the requests in flight and, once draining, turns new ones away, so that a stop can wait for exactly the
 * requests it must let finish. Probes and scrapes pass uncounted: readiness has to keep answering (503) while the
 * runtime drains.
 *
 * <p>Helidon's own stop lets running requests finish only within its listener's short grace period and refuses new
 * connections by closing the socket, which would also silence readiness; hence this gate.
 */
public final class RequestGate implements Filter {

    private static final Problem DRAINING = Problem.of(Status.SERVICE_UNAVAILABLE_503, "draining",
            "Shutting down", "This instance is shutting down and takes no new requests; retry, another will serve it.");
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final RouteClassifier routes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch idle = new CountDownLatch(1);
    private final CompletableFuture<Void> firstAnswered = new CompletableFuture<>();
    private volatile boolean draining;

    public RequestGate(RouteClassifier routes) {
        this.routes = routes;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (routes.classify(request.path().path()).infrastructure()) {
            chain.proceed();
            return;
        }
        // Count first, then look at the flag: a drain that sets the flag and then reads the count either sees
        // this request or this request sees the flag.
        inFlight.incrementAndGet();
        try {
            if (draining) {
                response.header(HeaderValues.CONNECTION_CLOSE);
                DRAINING.send(response, RETRY_AFTER);
                return;
            }
            chain.proceed();
            firstAnswered.complete(null);
        } finally {
            if (inFlight.decrementAndGet() == 0 && draining) {
                idle.countDown();
            }
        }
    }

    /** Completes when the first request that is not a probe or a scrape has been answered. */
    public CompletionStage<Void> firstAnswered() {
        return firstAnswered.minimalCompletionStage();
    }

    /** From now on, refuse new requests. */
    public void beginDraining() {
        draining = true;
        if (inFlight.get() == 0) {
            idle.countDown();
        }
    }

    /**
     * Waits, after {@link #beginDraining()}, until no request is in flight or {@code timeout} has passed.
     *
     * @return the number of requests still in flight
     */
    public int awaitIdle(Duration timeout) throws InterruptedException {
        idle.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return inFlight.get();
    }

    /** The number of requests being served now. */
    public int inFlight() {
        return inFlight.get();
    }
}
