package org.margin.grid.coherence;

import com.hazelcast.client.map.impl.nearcache.NearCachedClientMapProxy;
import com.hazelcast.internal.nearcache.NearCache;
import com.hazelcast.map.IMap;
import com.hazelcast.map.impl.proxy.NearCachedMapProxyImpl;

/**
 * Direct access to the near cache (L1) of one map of a client, or of a member used in-process. Hazelcast's public
 * map API reads the near cache and the grid in one call and drops a near-cache entry only by also changing the grid;
 * the tiers need both apart: a hit counted as L1 without a network call, and a write notice that drops this
 * process's copy and nothing else.
 * This is the one place that uses Hazelcast's internal near-cache API.
 */
public final class NearCacheAccess {

    private final NearCache<Object, Object> nearCache;

    private NearCacheAccess(NearCache<Object, Object> nearCache) {
        this.nearCache = nearCache;
    }

    /** The near cache behind {@code map}; the client's (or the member's) configuration must give the map one. */
    public static NearCacheAccess of(IMap<String, byte[]> map) {
        return switch (map) {
            case NearCachedClientMapProxy<String, byte[]> client -> new NearCacheAccess(client.getNearCache());
            case NearCachedMapProxyImpl<String, byte[]> member -> new NearCacheAccess(member.getNearCache());
            default -> throw new IllegalStateException(
                    "map " + map.getName() + " has no near cache in the configuration");
        };
    }

    /** The cached bytes, or null when this process holds nothing for {@code key}. */
    public byte[] peek(String key) {
        return nearCache.get(key) instanceof byte[] bytes ? bytes : null;
    }

    /** Drops this process's copy; an in-flight read of the key will not publish what it fetched. */
    public void invalidate(String key) {
        nearCache.invalidate(key);
    }

    public void clear() {
        nearCache.clear();
    }

    /** Entries held now. */
    public long entries() {
        return nearCache.getNearCacheStats().getOwnedEntryCount();
    }

    /** Entries dropped for size since the client started. */
    public long evictions() {
        return nearCache.getNearCacheStats().getEvictions();
    }

    /** Entries dropped because their time to live or idle time ran out. */
    public long expirations() {
        return nearCache.getNearCacheStats().getExpirations();
    }
}
