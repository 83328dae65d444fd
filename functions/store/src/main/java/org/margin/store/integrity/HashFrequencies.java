package org.margin.store.integrity;

import java.util.Map;

/**
 * How common some hashes are in a course: how many submissions the course has filed, and how many of those hold
 * each hash (a hash no submission holds is absent).
 */
public record HashFrequencies(int submissions, Map<Long, Integer> holders) {

    public HashFrequencies {
        if (submissions < 0) {
            throw new IllegalArgumentException("submissions must not be negative");
        }
        holders = Map.copyOf(holders);
    }

    /** How many of the course's submissions hold the hash. */
    public int holders(long hash) {
        return holders.getOrDefault(hash, 0);
    }
}
