package org.margin.integrity.event;

import java.time.Duration;

import org.margin.events.EventRead;
import org.margin.events.IntegrityChecked;
import org.margin.events.MarginEvents;
import org.margin.events.SubmissionCreated;
import org.margin.integrity.check.CheckOutcome;
import org.margin.integrity.check.SubmissionCheck;
import org.margin.platform.consent.ConsentGate;
import org.margin.privacy.crypto.KeysetUnavailableException;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.store.StoreException;
import org.margin.store.consent.Purpose;
import org.margin.store.course.CourseId;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

import io.cloudevents.CloudEvent;

/**
 * {@code submission.created} in, {@code integrity.checked} out: fingerprints the new submission into its course's
 * index, compares it with the course, keeps the report, and announces the result by submission ids and scores only.
 * The announcement's id derives from the submission, so a redelivery's second announcement is dropped downstream.
 * A student who withdrew consent to integrity checks is neither fingerprinted nor compared: the event is acknowledged
 * and dropped (the gate counts it).
 */
public final class SubmissionCreatedHandler implements CloudEventHandler {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final SubmissionCheck check;
    private final MarginEvents events;
    private final EventSink sink;
    private final ConsentGate consent;

    public SubmissionCreatedHandler(SubmissionCheck check, MarginEvents events, EventSink sink, ConsentGate consent) {
        this.check = check;
        this.events = events;
        this.sink = sink;
        this.consent = consent;
    }

    @Override
    public EventOutcome handle(CloudEvent event) {
        if (!(MarginEvents.read(event, SubmissionCreated.class) instanceof EventRead.Valid<SubmissionCreated> valid)) {
            return EventOutcome.rejected("The event is not a valid " + event.getType() + ".");
        }
        SubmissionCreated created = valid.data();
        CheckOutcome outcome;
        try {
            if (!consent.admits(new TenantId(created.institutionId()), new PersonId(created.studentId()),
                    Purpose.INTEGRITY)) {
                return EventOutcome.accepted();
            }
            outcome = check.checkSubmission(new TenantId(created.institutionId()), new CourseId(created.courseId()),
                    new SubmissionId(created.submissionId()));
        } catch (StoreException e) {
            return e.retryable()
                    ? EventOutcome.retryLater("The store is unavailable.", RETRY_AFTER)
                    : EventOutcome.rejected("The submission could not be checked.");
        } catch (KeysetUnavailableException e) {
            return EventOutcome.retryLater("The keys are unavailable.", RETRY_AFTER);
        }
        return switch (outcome) {
            case CheckOutcome.UnknownSubmission unknown -> EventOutcome.rejected("The submission is not in the store.");
            case CheckOutcome.Checked checked -> {
                sink.send(events.createFor(new IntegrityChecked(created.institutionId(), created.courseId(),
                                created.submissionId(), created.studentId(), checked.threshold(), checked.finding(),
                                checked.report().matches().stream()
                                        .map(match -> new IntegrityChecked.Match(match.submission().value(),
                                                match.similarity()))
                                        .toList()),
                        created.submissionId().toString()));
                yield EventOutcome.accepted();
            }
        };
    }
}
