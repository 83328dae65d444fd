package org.margin.store.subject;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.margin.store.people.PersonId;

/**
 * A recorded data-subject request.
 *
 * @param receipt what answering it did, as a JSON object of counts and times; empty until completed
 */
public record DataRequest(DataRequestId id, PersonId subject, RequestKind kind, Regime regime,
                          RequestChannel channel, Instant receivedAt, Instant dueAt, RequestStatus status,
                          Optional<Instant> completedAt, Optional<String> receipt) {

    public DataRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(receipt, "receipt");
    }
}
