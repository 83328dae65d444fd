package org.margin.access.relationship;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Optional;
import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

/**
 * Epochs shared by every instance through the grid's tiered cache: a read is a near-cache hit, and advancing one
 * is a confirmed write, which returns once every live instance dropped its near-cache copy. Keys reach the grid as
 * keyed pseudonyms of tenant and person.
 *
 * <p>The epochs live in the grid alone (the store has nothing to load), so a forgotten epoch reads as 0 again. A
 * decision cached under 0 before the first advance has expired by then: the grid keeps an entry for 15 minutes,
 * far beyond a cached decision's life. With the grid unreachable an advance reaches this instance only, and other
 * instances' decisions last at most their time to live.
 */
public final class GridEpochs implements RelationshipEpochs {

    /** The tiered cache's name, and so the namespace of its pseudonyms. */
    public static final String CACHE = "access-relationships";

    private static final byte[] NEVER_CHANGED = new byte[Long.BYTES];

    private final TieredCache epochs;
    private final SecureRandom random = new SecureRandom();

    public GridEpochs(Grid grid) {
        // Random rather than counted epochs: two instances advancing one person at once must not agree on a value
        // that a third instance already cached under.
        this.epochs = grid.cache(CACHE, id -> Optional.of(NEVER_CHANGED), (id, value) -> {
        });
    }

    @Override
    public long current(TenantId tenant, PersonId person) {
        return epochs.read(id(tenant, person)).map(value -> ByteBuffer.wrap(value).getLong()).orElse(0L);
    }

    @Override
    public void advance(TenantId tenant, PersonId person) {
        long next;
        do {
            next = random.nextLong();
        } while (next == 0L);
        epochs.write(id(tenant, person), ByteBuffer.allocate(Long.BYTES).putLong(next).array());
    }

    private static String id(TenantId tenant, PersonId person) {
        return tenant + "/" + person;
    }
}
