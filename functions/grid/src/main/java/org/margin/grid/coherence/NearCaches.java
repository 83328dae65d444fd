package org.margin.grid.coherence;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The near caches this process holds, by map name, so that notices and lease changes can reach them. */
public final class NearCaches {

    private final Map<String, NearCacheAccess> byMap = new ConcurrentHashMap<>();

    public void add(String mapName, NearCacheAccess nearCache) {
        byMap.put(mapName, nearCache);
    }

    public Optional<NearCacheAccess> of(String mapName) {
        return Optional.ofNullable(byMap.get(mapName));
    }

    /** Forgets everything cached; used when notices may have been missed. */
    public void clearAll() {
        byMap.values().forEach(NearCacheAccess::clear);
    }
}
