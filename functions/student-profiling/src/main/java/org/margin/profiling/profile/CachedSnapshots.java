package org.margin.profiling.profile;

import java.util.Optional;
import java.util.UUID;

import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.node.ObjectNode;

/**
 * Snapshots through the grid's tiers (near cache, grid map, store). The store's recording changes a snapshot's
 * rows, not the snapshot, so the cache has no writer: a recording invalidates the student's entry instead.
 * Loads read the primary: a snapshot loaded from a lagging replica after an invalidation would be put in the grid
 * and served until it expires.
 */
final class CachedSnapshots implements ProfileSnapshots {

    static final String CACHE = "student-profiles";

    private final Store store;
    private final TieredCache cache;

    CachedSnapshots(Store store, Grid grid) {
        this.store = store;
        this.cache = grid.cache(CACHE, this::load);
    }

    @Override
    public Optional<ObjectNode> read(Store asCaller, TenantId tenant, PersonId student) {
        return cache.read(id(tenant, student)).map(bytes -> (ObjectNode) Json.MAPPER.readTree(bytes));
    }

    @Override
    public void invalidate(TenantId tenant, PersonId student) {
        cache.invalidate(id(tenant, student));
    }

    private Optional<byte[]> load(String id) {
        TenantId tenant = new TenantId(UUID.fromString(id.substring(0, id.indexOf('/'))));
        PersonId student = new PersonId(UUID.fromString(id.substring(id.indexOf('/') + 1)));
        return ProfileSnapshot.build(store, tenant, student, Consistency.READ_YOUR_WRITES).map(Json::bytes);
    }

    /** Tenant and student pseudonyms; the grid only ever sees a keyed hash of this. */
    private static String id(TenantId tenant, PersonId student) {
        return tenant.value() + "/" + student.value();
    }
}
