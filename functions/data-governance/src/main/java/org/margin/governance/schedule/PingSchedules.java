package org.margin.governance.schedule;

import java.util.Objects;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;

import io.cloudevents.CloudEvent;

/**
 * The function's Knative PingSources all send events of one type ({@code dev.knative.sources.ping}); the source,
 * {@code /apis/v1/namespaces/NS/pingsources/NAME}, says which schedule fired: the daily retention run, or the audit
 * log's checkpoints (which must be signed while this function is scaled to zero and others write entries).
 */
public final class PingSchedules implements CloudEventHandler {

    public static final String RETENTION = "retention-schedule";
    public static final String AUDIT_CHECKPOINTS = "audit-checkpoints";
    private static final String PING_SOURCES = "/pingsources/";

    private final CloudEventHandler retention;
    private final CloudEventHandler checkpoints;

    public PingSchedules(CloudEventHandler retention, CloudEventHandler checkpoints) {
        this.retention = Objects.requireNonNull(retention, "retention");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
    }

    @Override
    public EventOutcome handle(CloudEvent event) {
        String source = event.getSource().toString();
        int at = source.lastIndexOf(PING_SOURCES);
        String schedule = at < 0 ? "" : source.substring(at + PING_SOURCES.length());
        return switch (schedule) {
            case RETENTION -> retention.handle(event);
            case AUDIT_CHECKPOINTS -> checkpoints.handle(event);
            default -> EventOutcome.rejected("The event's source is not one of this function's schedules ("
                    + RETENTION + ", " + AUDIT_CHECKPOINTS + ").");
        };
    }
}
