package org.margin.governance.rights;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.margin.events.MarginEvents;
import org.margin.events.StudentErased;
import org.margin.runtime.cloudevents.sink.EventNotDelivered;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.subject.DataRequestId;
import org.margin.store.subject.Erased;
import org.margin.store.subject.NewDataRequest;
import org.margin.store.subject.Regime;
import org.margin.store.subject.RequestChannel;
import org.margin.store.subject.RequestKind;
import org.margin.store.tenant.TenantId;

/**
 * Erases a student: every row in one transaction (the store), then the grid's and near caches' values about them,
 * then the announcement {@code org.margin.student.erased.v1} for whoever keeps anything else. The event's id comes
 * from the receipt, so announcing again after a lost send is recognised as the same erasure. Right after the
 * commit, a virtual thread lowers the integrity index's counts by the debits the erasure left
 * ({@link org.margin.store.integrity.IndexCounts}); debits it does not get to (a crash, a failure) stay in the store
 * until the next retention run applies them.
 */
public final class StudentErasure {

    private static final System.Logger LOG = System.getLogger(StudentErasure.class.getName());

    private final Store store;
    private final StudentCaches caches;
    private final EventSink sink;
    private final MarginEvents events;
    private final Clock clock;

    public StudentErasure(Store store, StudentCaches caches, EventSink sink, MarginEvents events, Clock clock) {
        this.store = store;
        this.caches = caches;
        this.sink = sink;
        this.events = events;
        this.clock = clock;
    }

    /** What an erasure did: the store's counts, the cache keys buried, and whether it was announced. */
    public record Receipt(DataRequestId id, Erased erased, int cacheKeysBuried, boolean announced) {
    }

    /**
     * Erases the student, completing the open request {@code filed} if given, else recording a new one under
     * {@code regime}; empty if the tenant has no such person.
     */
    public Optional<Receipt> erase(TenantId tenant, PersonId student, Regime regime, Optional<DataRequestId> filed) {
        var now = clock.instant();
        NewDataRequest request = new NewDataRequest(student, RequestKind.ERASURE, regime, RequestChannel.TOOL, now,
                Deadlines.due(regime, now));
        Optional<Erased> erased = store.subjects().erase(tenant, student, request, filed);
        erased.ifPresent(done -> Thread.ofVirtual().name("index-debits")
                .start(() -> store.indexCounts().applyOrLeave(tenant)));
        return erased.map(done -> {
            int buried = caches.forget(tenant, List.of(student), done.submissions());
            return new Receipt(done.request(), done, buried, announce(tenant, student, done));
        });
    }

    private boolean announce(TenantId tenant, PersonId student, Erased erased) {
        try {
            sink.send(events.create(new StudentErased(tenant.value(), student.value(), erased.erasedAt()),
                    erased.request().value()));
            return true;
        } catch (EventNotDelivered notDelivered) {
            // The rows and caches are gone; the receipt says the announcement is owed, and the event id is the
            // receipt's, so a later announcement is the same event.
            LOG.log(System.Logger.Level.WARNING, "erasure announcement not delivered");
            return false;
        }
    }
}
