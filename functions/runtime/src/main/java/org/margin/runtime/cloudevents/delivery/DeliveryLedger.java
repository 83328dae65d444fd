package org.margin.runtime.cloudevents.delivery;

/**
 * Remembers which deliveries were handled, by the event's {@code source} and {@code id}, so that a duplicate
 * (Knative delivers at least once, and a retry may reach another instance) is acknowledged without being handled
 * again. A delivery is claimed before its handler runs and marked handled only once the handler has finished, so
 * a failed delivery can be retried.
 */
public interface DeliveryLedger {

    /** Claims the delivery of {@code source}/{@code id} for this handling. */
    Claim claim(String source, String id);

    /** The claimed delivery was handled for good (accepted, replied to, or rejected for ever). */
    void handled(String source, String id);

    /** The claimed delivery was not handled; a retry may claim it again. */
    void released(String source, String id);

    /**
     * A ledger that remembers nothing: every delivery is handled. For a broker, which must pass on an event each
     * time it is published (an operator's replay republishes the same event).
     */
    static DeliveryLedger none() {
        return new DeliveryLedger() {
            @Override
            public Claim claim(String source, String id) {
                return Claim.CLAIMED;
            }

            @Override
            public void handled(String source, String id) {
            }

            @Override
            public void released(String source, String id) {
            }
        };
    }

    /** What a claim found. */
    enum Claim {
        /** Nobody handled or is handling it: handle it now. */
        CLAIMED,
        /** Handled before: acknowledge, do nothing. */
        ALREADY_HANDLED,
        /** Another delivery of the same event is being handled now: ask the sender to retry shortly. */
        IN_PROGRESS
    }
}
