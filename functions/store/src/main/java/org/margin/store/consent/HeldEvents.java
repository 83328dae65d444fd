package org.margin.store.consent;

import java.util.List;
import java.util.UUID;

import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** Events held back until a student may be processed, kept in the order they arrived. */
public final class HeldEvents {

    private static final String HOLD = """
            INSERT INTO held_events (institution_id, id, person_id, event_id, event) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (institution_id, event_id) DO NOTHING""";
    private static final String OF_STUDENT = """
            SELECT id, person_id, event_id, event FROM held_events
            WHERE institution_id = $1 AND person_id = $2
            ORDER BY position LIMIT $3""";
    private static final String RELEASE = "DELETE FROM held_events WHERE institution_id = $1 AND id = $2";
    private static final String COUNT = "SELECT count(*) AS n FROM held_events WHERE institution_id = $1 AND person_id = $2";

    private final TenantTransactions transactions;

    public HeldEvents(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Holds an event; false when an event with that id was held already (a redelivery). */
    public boolean hold(TenantId tenant, HeldEvent event) {
        return transactions.write(tenant, "event hold", connection -> Sql.update(connection, HOLD,
                tenant.value(), event.id(), event.student().value(), event.eventId(), event.event().bytes())) > 0;
    }

    /** The student's first {@code limit} held events, in the order they were held. */
    public List<HeldEvent> of(TenantId tenant, PersonId student, int limit) {
        return transactions.query(tenant, Consistency.READ_YOUR_WRITES, "held events read", OF_STUDENT,
                row -> new HeldEvent(Sql.required(row, "id", UUID.class),
                        new PersonId(Sql.required(row, "person_id", UUID.class)),
                        Sql.required(row, "event_id", String.class),
                        Opaque.of(Sql.required(row, "event", byte[].class))),
                tenant.value(), student.value(), limit);
    }

    /** Forgets a held event once it was sent on. */
    public void release(TenantId tenant, UUID id) {
        transactions.write(tenant, "held event release", connection -> Sql.update(connection, RELEASE,
                tenant.value(), id));
    }

    public long count(TenantId tenant, PersonId student) {
        return transactions.queryOne(tenant, Consistency.READ_YOUR_WRITES, "held events count", COUNT,
                row -> Sql.required(row, "n", Long.class), tenant.value(), student.value());
    }
}
