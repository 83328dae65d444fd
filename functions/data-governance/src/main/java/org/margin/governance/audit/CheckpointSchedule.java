package org.margin.governance.audit;

import java.util.Objects;
import org.margin.audit.checkpoint.Checkpointer;
import org.margin.runtime.cloudevents.CloudEventHandler;
import org.margin.runtime.cloudevents.EventOutcome;
import org.margin.store.StoreUnavailableException;

/** The audit checkpoints' PingSource event: signs the Merkle root of every chain that grew since its last checkpoint. */
public final class CheckpointSchedule {

    private static final System.Logger LOG = System.getLogger(CheckpointSchedule.class.getName());

    private final Checkpointer checkpointer;

    public CheckpointSchedule(Checkpointer checkpointer) {
        this.checkpointer = Objects.requireNonNull(checkpointer, "checkpointer");
    }

    public CloudEventHandler handler() {
        return event -> {
            try {
                int signed = checkpointer.checkpointAll();
                LOG.log(System.Logger.Level.INFO, "audit checkpoints signed: {0}", signed);
                return EventOutcome.accepted();
            } catch (StoreUnavailableException unavailable) {
                return EventOutcome.retryLater("The store is unavailable.", unavailable.retryAfter());
            }
        };
    }
}
