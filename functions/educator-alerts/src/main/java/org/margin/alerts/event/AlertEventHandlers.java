package org.margin.alerts.event;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.margin.alerts.evaluation.AlertEvaluator;
import org.margin.alerts.evaluation.RaisedAlert;
import org.margin.events.EventData;
import org.margin.events.EventRead;
import org.margin.events.IntegrityChecked;
import org.margin.events.MarginEvents;
import org.margin.events.WritingAnalyzed;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.store.StoreException;

import io.cloudevents.CloudEvent;

/**
 * The function's reactions: {@code writing.analyzed} and {@code integrity.checked} evaluate the course's rules, the
 * hourly schedule evaluates inactivity; each alert newly raised goes out as one {@code alert.raised}, whose id
 * derives from rule and occasion so that a second announcement of it is dropped downstream.
 */
public final class AlertEventHandlers {

    /** The type of the events a Knative PingSource sends; the schedule's carry no institution. */
    public static final String SCHEDULE = "dev.knative.sources.ping";

    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final AlertEvaluator evaluator;
    private final MarginEvents events;
    private final EventSink sink;

    public AlertEventHandlers(AlertEvaluator evaluator, MarginEvents events, EventSink sink) {
        this.evaluator = evaluator;
        this.events = events;
        this.sink = sink;
    }

    public CloudEventHandler writingAnalyzed() {
        return event -> read(event, WritingAnalyzed.class, evaluator::onWritingAnalyzed);
    }

    public CloudEventHandler integrityChecked() {
        return event -> read(event, IntegrityChecked.class, evaluator::onIntegrityChecked);
    }

    /** Whatever the schedule's data, the check is the same: every institution with an inactivity rule, today. */
    public CloudEventHandler schedule() {
        return event -> checkInactivity();
    }

    /** The scheduled inactivity check, for the schedule's events and for local mode's timer. */
    public EventOutcome checkInactivity() {
        return evaluateAndAnnounce(evaluator::onSchedule);
    }

    private <D extends EventData> EventOutcome read(CloudEvent event, Class<D> type,
                                                    Function<D, List<RaisedAlert>> evaluation) {
        if (!(MarginEvents.read(event, type) instanceof EventRead.Valid<D> valid)) {
            return EventOutcome.rejected("The event is not a valid " + event.getType() + ".");
        }
        return evaluateAndAnnounce(() -> evaluation.apply(valid.data()));
    }

    private EventOutcome evaluateAndAnnounce(Supplier<List<RaisedAlert>> evaluation) {
        List<RaisedAlert> raised;
        try {
            raised = evaluation.get();
        } catch (StoreException e) {
            return e.retryable()
                    ? EventOutcome.retryLater("The store is unavailable.", RETRY_AFTER)
                    : EventOutcome.rejected("The rules could not be evaluated.");
        }
        for (RaisedAlert alert : raised) {
            sink.send(events.createFor(alert.event(), alert.cause()));
        }
        return EventOutcome.accepted();
    }
}
