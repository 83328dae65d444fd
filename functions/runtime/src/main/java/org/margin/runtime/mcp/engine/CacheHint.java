package org.margin.runtime.mcp.engine;

import tools.jackson.databind.node.ObjectNode;

/**
 * The 2026-07-28 caching hints of a result.
 *
 * @param ttlMs        how long the result may be reused
 * @param publicScope  whether any client may share it ({@code public}) or only the requesting one ({@code private})
 */
public record CacheHint(long ttlMs, boolean publicScope) {

    /** Not to be reused, and for the requesting client only: the safe default for user-specific results. */
    public static final CacheHint PRIVATE_NO_REUSE = new CacheHint(0, false);

    public CacheHint {
        if (ttlMs < 0) {
            throw new IllegalArgumentException("ttlMs must be non-negative");
        }
    }

    void addTo(ObjectNode result) {
        result.put("ttlMs", ttlMs);
        result.put("cacheScope", publicScope ? "public" : "private");
    }
}
