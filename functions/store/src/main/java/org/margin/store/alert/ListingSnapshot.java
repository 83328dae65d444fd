package org.margin.store.alert;

import java.util.Objects;
import java.util.Optional;

/**
 * What a listing of alerts saw: the database snapshot it read, in PostgreSQL's text form
 * ({@code xmin:xmax:in-progress,...}). An alert is in it when the transaction that raised it had committed by then;
 * the alerts a later listing adds are exactly those it lacks, whatever their order in time.
 */
public record ListingSnapshot(String text) {

    /** Room for the transactions a busy server has in progress at once, and no more. */
    private static final int MAX_LENGTH = 8_192;

    public ListingSnapshot {
        Objects.requireNonNull(text, "text");
        if (!valid(text)) {
            throw new IllegalArgumentException("not a snapshot");
        }
    }

    /** The snapshot a text names, when it is one PostgreSQL would accept. */
    public static Optional<ListingSnapshot> parse(String text) {
        return valid(text) ? Optional.of(new ListingSnapshot(text)) : Optional.empty();
    }

    /**
     * Transaction ids that fit in a signed long, {@code 0 < xmin <= xmax}, and in-progress ids ascending, each at
     * least {@code xmin} and below {@code xmax}: what PostgreSQL's {@code pg_snapshot} input accepts.
     */
    private static boolean valid(String text) {
        if (text.length() > MAX_LENGTH) {
            return false;
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            return false;
        }
        long xmin = transactionId(parts[0]);
        long xmax = transactionId(parts[1]);
        if (xmin <= 0 || xmax < xmin) {
            return false;
        }
        long previous = xmin;
        if (!parts[2].isEmpty()) {
            for (String inProgress : parts[2].split(",", -1)) {
                long id = transactionId(inProgress);
                if (id < previous || id >= xmax) {
                    return false;
                }
                previous = id;
            }
        }
        return true;
    }

    /** A transaction id in decimal, or -1. */
    private static long transactionId(String digits) {
        if (digits.isEmpty() || digits.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char digit = digits.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            value = value * 10 + (digit - '0');
        }
        return value;
    }
}
