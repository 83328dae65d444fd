package org.margin.grid.warm;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;

/**
 * The grid's list of hot keys per cache ({@value #MAP}), written from instances' access counts and read by a new
 * instance to fill its near cache before requests ask for those keys. Keys are pseudonyms; the list says nothing
 * of whom they belong to.
 */
public final class HotKeys {

    public static final String MAP = "margin.grid.hot";

    /** Keys fetched in one call while warming. */
    private static final int BATCH = 500;

    private HotKeys() {
    }

    /** Replaces the cache's list with {@code keys} when they are any; an idle instance leaves the list alone. */
    public static void publish(HazelcastInstance client, String mapName, List<String> keys) {
        if (!keys.isEmpty()) {
            hot(client).set(mapName, keys.toArray(String[]::new));
        }
    }

    /**
     * Reads the cache's hot keys into its near cache through {@code map}, in batches.
     *
     * @return how many keys were asked for
     */
    public static int warm(HazelcastInstance client, IMap<String, byte[]> map) {
        String[] keys = hot(client).get(map.getName());
        if (keys == null) {
            return 0;
        }
        for (int start = 0; start < keys.length; start += BATCH) {
            // getAll fills the near cache on its way back; the values themselves are not needed here.
            map.getAll(Set.of(Arrays.copyOfRange(keys, start, Math.min(keys.length, start + BATCH))));
        }
        return keys.length;
    }

    private static IMap<String, String[]> hot(HazelcastInstance client) {
        return client.getMap(MAP);
    }
}
