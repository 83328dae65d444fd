package org.margin.profiling.profile;

import java.util.Optional;

import org.margin.grid.Grid;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ObjectNode;

/** Where profile snapshots are read: from the store each time, or through the grid's tiers in front of it. */
public sealed interface ProfileSnapshots permits StoreSnapshots, CachedSnapshots {

    /**
     * A fresh copy of the student's snapshot, which the caller may change; empty when nothing was recorded.
     *
     * @param asCaller the store acting for the tool's caller: what reads the store for this call alone. A snapshot
     *                 shared through the grid is loaded by the function itself, since one load serves every
     *                 permitted caller; the access policy has decided before either is read.
     */
    Optional<ObjectNode> read(Store asCaller, TenantId tenant, PersonId student);

    /** Told after the store recorded a submission of the student: no instance may serve the old snapshot now. */
    void invalidate(TenantId tenant, PersonId student);

    static ProfileSnapshots direct() {
        return new StoreSnapshots();
    }

    static ProfileSnapshots cached(Store store, Grid grid) {
        return new CachedSnapshots(store, grid);
    }
}
