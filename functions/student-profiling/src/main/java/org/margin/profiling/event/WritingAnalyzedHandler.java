package org.margin.profiling.event;

import java.time.Duration;

import org.margin.events.EventRead;
import org.margin.events.MarginEvents;
import org.margin.events.ProfileUpdated;
import org.margin.events.WritingAnalyzed;
import org.margin.platform.consent.ConsentGate;
import org.margin.profiling.recording.AnalysisRecorder;
import org.margin.profiling.recording.AnalysisRecording;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.store.StoreException;
import org.margin.store.consent.Purpose;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import io.cloudevents.CloudEvent;

/**
 * {@code writing.analyzed} in, {@code profile.updated} out: folds the submission's figures into its student's
 * profile once and announces the new count. The announcement's id derives from the submission, so a second
 * announcement for it is dropped downstream. A student who withdrew consent to profiling is not profiled: the event
 * is acknowledged and dropped (the gate counts it).
 */
public final class WritingAnalyzedHandler implements CloudEventHandler {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final AnalysisRecorder recorder;
    private final MarginEvents events;
    private final EventSink sink;
    private final ConsentGate consent;

    public WritingAnalyzedHandler(AnalysisRecorder recorder, MarginEvents events, EventSink sink,
                                  ConsentGate consent) {
        this.recorder = recorder;
        this.events = events;
        this.sink = sink;
        this.consent = consent;
    }

    @Override
    public EventOutcome handle(CloudEvent event) {
        if (!(MarginEvents.read(event, WritingAnalyzed.class) instanceof EventRead.Valid<WritingAnalyzed> valid)) {
            return EventOutcome.rejected("The event is not a valid " + event.getType() + ".");
        }
        AnalysisRecording recording;
        try {
            if (!consent.admits(new TenantId(valid.data().institutionId()), new PersonId(valid.data().studentId()),
                    Purpose.PROFILING)) {
                return EventOutcome.accepted();
            }
            recording = recorder.recordAnalysis(valid.data());
        } catch (StoreException e) {
            return e.retryable()
                    ? EventOutcome.retryLater("The store is unavailable.", RETRY_AFTER)
                    : EventOutcome.rejected("The analysis could not be recorded.");
        }
        return switch (recording) {
            case AnalysisRecording.Updated updated -> announce(updated.event());
            case AnalysisRecording.AlreadyRecorded already -> announce(already.event());
            case AnalysisRecording.Refused refused ->
                    EventOutcome.rejected("The analysis cannot be recorded: " + refused.reason() + ".");
            case AnalysisRecording.RetryLater later ->
                    EventOutcome.retryLater("The store is unavailable.", later.retryAfter());
        };
    }

    /** Announces under an id derived from the submission, so that each submission's announcement counts once. */
    private EventOutcome announce(ProfileUpdated update) {
        sink.send(events.createFor(update, update.submissionId().toString()));
        return EventOutcome.accepted();
    }
}
