package org.margin.store;

/**
 * Why a store call failed. Messages name the operation and the PostgreSQL condition, never a value: the driver's own
 * message is not carried because PostgreSQL may quote the offending row in it.
 */
public sealed abstract class StoreException extends RuntimeException
        permits StoreUnavailableException, StoreRejectedException, StoreFailedException {

    private final String sqlState;

    StoreException(String message, String sqlState) {
        super(message, null, false, true);
        this.sqlState = sqlState;
    }

    /** The PostgreSQL SQLSTATE, or an empty string when the failure happened before the server answered. */
    public String sqlState() {
        return sqlState;
    }

    /** True when the same call may succeed if tried again later. */
    public abstract boolean retryable();
}
