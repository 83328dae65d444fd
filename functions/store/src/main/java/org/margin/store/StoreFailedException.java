package org.margin.store;

/** A failure that retrying will not cure and that the caller did not cause: a defect in the store or its schema. */
public final class StoreFailedException extends StoreException {

    public StoreFailedException(String message, String sqlState) {
        super(message, sqlState);
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
