package org.margin.events.lms;

import java.time.Instant;

/**
 * Remembers the deliveries already accepted from each LMS source, so that a captured webhook sent again is
 * refused. Shared by every instance of the ingress (the grid backs it there); {@link InMemoryReplayGuard} serves
 * one process and tests. Keys are the source id and a delivery id derived from the signature: no personal data.
 */
public interface ReplayGuard {

    /**
     * Records the delivery unless it was recorded before and not yet released.
     *
     * @param retainUntil after this the delivery cannot pass the freshness check any more, so it may be forgotten
     * @return true the first time, false for a replay
     * @throws ReplayGuardUnavailable when the shared memory cannot answer (the sender should retry)
     */
    boolean claim(String lmsSourceId, String deliveryId, Instant retainUntil);

    /**
     * Forgets a delivery, so that the sender's retry of it is accepted: called when an accepted webhook could
     * not be processed (e.g. the store was down) and the sender was told to retry.
     */
    void release(String lmsSourceId, String deliveryId);
}
