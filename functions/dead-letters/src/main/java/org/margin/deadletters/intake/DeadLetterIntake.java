package org.margin.deadletters.intake;

import java.util.Objects;

import org.margin.deadletters.LetterFormat;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.store.Opaque;
import org.margin.store.StoreRejectedException;
import org.margin.store.StoreUnavailableException;
import org.margin.store.deadletter.DeadLetters;
import org.margin.store.deadletter.NewDeadLetter;

import io.cloudevents.CloudEvent;

/**
 * Keeps every event that reaches the dead-letter sink, of any type, before acknowledging it: while the store is
 * unavailable the sender is asked to retry, so no letter is lost. The event is kept as it came and never logged.
 */
public final class DeadLetterIntake implements CloudEventHandler {

    private final DeadLetters letters;

    public DeadLetterIntake(DeadLetters letters) {
        this.letters = Objects.requireNonNull(letters, "letters");
    }

    @Override
    public EventOutcome handle(CloudEvent event) {
        NewDeadLetter letter = new NewDeadLetter(event.getType(), event.getSource().toString(), event.getId(),
                LetterFormat.destination(event), LetterFormat.status(event),
                Opaque.of(LetterFormat.toBytes(event)));
        try {
            letters.keep(letter);
            return EventOutcome.accepted();
        } catch (StoreUnavailableException unavailable) {
            return EventOutcome.retryLater("The dead-letter store is temporarily unavailable.",
                    unavailable.retryAfter());
        } catch (StoreRejectedException rejected) {
            return EventOutcome.rejected("The dead-letter store cannot keep this event.");
        }
    }
}
