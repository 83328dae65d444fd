package org.margin.store.subject;

import java.time.Instant;
import java.util.Objects;
import org.margin.store.people.PersonId;

/** A request as received: whose, what, under which law, how, when, and when it is due. */
public record NewDataRequest(PersonId subject, RequestKind kind, Regime regime, RequestChannel channel,
                             Instant receivedAt, Instant dueAt) {

    public NewDataRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(regime, "regime");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        if (!dueAt.isAfter(receivedAt)) {
            throw new IllegalArgumentException("a request is due after it is received");
        }
    }
}
