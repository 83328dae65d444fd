package org.margin.store.tenant;

import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import org.margin.store.StoreException;
import org.margin.store.StoreFailedException;
import org.margin.store.StoreRejectedException;
import org.margin.store.StoreRejectedException.Reason;
import org.margin.store.StoreUnavailableException;
import reactor.core.Exceptions;

/** Turns whatever the driver, the pool or the server raised into one of the store's typed errors. */
final class ErrorTranslation {

    private ErrorTranslation() {
    }

    static StoreException translate(String operation, Throwable failure) {
        if (failure instanceof StoreException already) {
            return already;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException driver && driver.getSqlState() != null) {
                return fromSqlState(operation, driver.getSqlState(), constraintOf(driver));
            }
        }
        if (isConnectivity(failure)) {
            return new StoreUnavailableException(operation + ": database unreachable (" + kind(failure) + ")", "");
        }
        return new StoreFailedException(operation + ": unexpected " + kind(failure), "");
    }

    private static StoreException fromSqlState(String operation, String sqlState, String constraint) {
        String message = operation + " failed with SQLSTATE " + sqlState
                + (constraint.isEmpty() ? "" : " on " + constraint);
        return switch (sqlState) {
            case "23505" -> new StoreRejectedException(message, sqlState, Reason.DUPLICATE, constraint);
            case "23503" -> new StoreRejectedException(message, sqlState, Reason.MISSING_REFERENCE, constraint);
            case "42501" -> new StoreRejectedException(message, sqlState, Reason.TENANT_POLICY, constraint);
            // serialization failure, deadlock, lock timeout, statement timeout: the same call can succeed later.
            case "40001", "40P01", "55P03", "57014" -> new StoreUnavailableException(message, sqlState);
            default -> switch (sqlState.substring(0, 2)) {
                case "23", "22" -> new StoreRejectedException(message, sqlState, Reason.INVALID_VALUE, constraint);
                // connection exception, insufficient resources, operator intervention (shutdown), system error
                case "08", "53", "57", "58" -> new StoreUnavailableException(message, sqlState);
                default -> new StoreFailedException(message, sqlState);
            };
        };
    }

    private static boolean isConnectivity(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientResourceException
                    || cause instanceof R2dbcTimeoutException
                    || cause instanceof TimeoutException
                    || cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String constraintOf(R2dbcException failure) {
        return failure instanceof PostgresqlException postgres
                ? postgres.getErrorDetails().getConstraintName().orElse("")
                : "";
    }

    private static String kind(Throwable failure) {
        return Exceptions.unwrap(failure).getClass().getSimpleName();
    }
}
