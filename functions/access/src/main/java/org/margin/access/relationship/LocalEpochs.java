package org.margin.access.relationship;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/** Epochs of one process: for a single instance without a grid, where every enrolment change happens here. */
public final class LocalEpochs implements RelationshipEpochs {

    private final ConcurrentMap<EpochKey, Long> epochs = new ConcurrentHashMap<>();

    @Override
    public long current(TenantId tenant, PersonId person) {
        return epochs.getOrDefault(new EpochKey(tenant, person), 0L);
    }

    @Override
    public void advance(TenantId tenant, PersonId person) {
        epochs.merge(new EpochKey(tenant, person), 1L, Long::sum);
    }

    private record EpochKey(TenantId tenant, PersonId person) {
    }
}
