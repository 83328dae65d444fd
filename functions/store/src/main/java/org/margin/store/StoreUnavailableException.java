package org.margin.store;

import java.time.Duration;

/**
 * PostgreSQL could not be reached or could not serve the call in time. Nothing of the call was committed; the caller
 * answers "try again" (JSON-RPC error data, or HTTP 503 with Retry-After) and the pool reconnects by itself.
 */
public final class StoreUnavailableException extends StoreException {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    public StoreUnavailableException(String message, String sqlState) {
        super(message, sqlState);
    }

    @Override
    public boolean retryable() {
        return true;
    }

    /** How long a caller should wait before trying again: long enough for a restarted server to accept connections. */
    public Duration retryAfter() {
        return RETRY_AFTER;
    }
}
