package org.margin.platform.consent;

import java.util.List;
import java.util.UUID;

import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.RowContext;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.store.Opaque;
import org.margin.store.TimeOrderedIds;
import org.margin.store.consent.HeldEvent;
import org.margin.store.consent.HeldEvents;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;

/**
 * Holds a student's canonical events, encrypted and bound to their row, and releases them to the sink in the
 * order they were held. Each is deleted only after the sink took it, so a release cut short sends the rest next
 * time (at least once; event ids are deterministic, so a second send is dropped downstream).
 */
public final class HeldEventRelay {

    static final String TABLE = "held_events";
    static final String COLUMN = "event";
    private static final int PAGE = 100;

    private final HeldEvents held;
    private final Keyring keyring;

    public HeldEventRelay(HeldEvents held, Keyring keyring) {
        this.held = held;
        this.keyring = keyring;
    }

    /** Holds the event for the student; false when it was held already (a redelivery). */
    public boolean hold(TenantId tenant, PersonId student, CloudEvent event) {
        UUID id = TimeOrderedIds.next();
        Opaque sealed = Opaque.of(keyring.encrypt(context(tenant, id), HeldFormat.JSON.serialize(event)));
        return held.hold(tenant, new HeldEvent(id, student, event.getId(), sealed));
    }

    /**
     * Sends the student's held events to the sink, oldest first, deleting each once sent; returns how many.
     *
     * @throws org.margin.runtime.cloudevents.sink.EventNotDelivered when the sink refused one; those before it
     *         were released, it and those after it stay held
     */
    public int release(TenantId tenant, PersonId student, EventSink sink) {
        int released = 0;
        List<HeldEvent> page;
        do {
            page = held.of(tenant, student, PAGE);
            for (HeldEvent event : page) {
                byte[] opened = keyring.decrypt(context(tenant, event.id()), event.event().bytes());
                sink.send(HeldFormat.JSON.deserialize(opened));
                held.release(tenant, event.id());
                released++;
            }
        } while (page.size() == PAGE);
        return released;
    }

    private static RowContext context(TenantId tenant, UUID id) {
        return new RowContext(tenant.value(), TABLE, COLUMN, id);
    }

    /**
     * The CloudEvents JSON format, made when an event is first held or released: making it starts Jackson, which a
     * function's cold start should not wait for when no child's event is held.
     */
    private static final class HeldFormat {
        static final JsonFormat JSON = new JsonFormat().withForceJsonDataToBase64();
    }
}
