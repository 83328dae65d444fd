package org.margin.profiling.profile;

import java.util.Optional;

import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ObjectNode;

/** Snapshots built from the store, acting for the caller, on every read; a replica may answer. */
final class StoreSnapshots implements ProfileSnapshots {

    @Override
    public Optional<ObjectNode> read(Store asCaller, TenantId tenant, PersonId student) {
        return ProfileSnapshot.build(asCaller, tenant, student, Consistency.STALE_OK);
    }

    @Override
    public void invalidate(TenantId tenant, PersonId student) {
        // Nothing is kept.
    }
}
