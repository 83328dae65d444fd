package org.margin.store.deadletter;

import java.time.Instant;
import java.util.Optional;

/**
 * A kept dead letter, without its event.
 *
 * @param receivedAt  when its first copy arrived
 * @param copies      how many copies arrived
 * @param replayedAt  when it was last replayed; empty when never, or when a copy arrived after the replay
 * @param replayCount how many times it was replayed
 */
public record DeadLetter(DeadLetterId id, Instant receivedAt, String type, String source, String eventId,
                         Optional<String> destination, Optional<Integer> status, int copies,
                         Optional<Instant> replayedAt, int replayCount) {

    public boolean replayed() {
        return replayedAt.isPresent();
    }
}
