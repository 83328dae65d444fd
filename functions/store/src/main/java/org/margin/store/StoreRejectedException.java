package org.margin.store;

/** PostgreSQL refused the write as it stands; trying again unchanged fails the same way. Nothing was committed. */
public final class StoreRejectedException extends StoreException {

    /** Why the write was refused. */
    public enum Reason {
        /** A row with the same key already exists. */
        DUPLICATE,
        /** The write names a row that does not exist in this tenant (a course, a person, a submission...). */
        MISSING_REFERENCE,
        /** The row belongs to another tenant than the one of the transaction: row-level security refused it. */
        TENANT_POLICY,
        /** A value broke a check: out of range, missing, or malformed. */
        INVALID_VALUE
    }

    private final Reason reason;
    private final String constraint;

    public StoreRejectedException(String message, String sqlState, Reason reason, String constraint) {
        super(message, sqlState);
        this.reason = reason;
        this.constraint = constraint;
    }

    public Reason reason() {
        return reason;
    }

    /** The name of the violated constraint when PostgreSQL gave one, else an empty string. */
    public String constraint() {
        return constraint;
    }

    @Override
    public boolean retryable() {
        return false;
    }
}
