package org.margin.grid.tier;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import org.margin.grid.client.GridConnection;
import org.margin.grid.codec.ValueCodec;
import org.margin.grid.coherence.InstanceLease;
import org.margin.grid.coherence.NearCaches;
import org.margin.grid.coherence.WriteNotices;
import org.margin.grid.fault.GridGuard;
import org.margin.grid.key.KeyPseudonyms;
import org.margin.grid.metrics.GridMetrics;

/**
 * What every tiered cache of one process shares: the connection and its lease, the notices, the guard, and the
 * settings of the hot-key list.
 *
 * @param fillDeadline a value loaded from the store more slowly than this is not put into the grid, so that a
 *                     load that began before a write cannot outlive that write's tombstone
 * @param hotKeys      how many keys per cache the hot-key list keeps
 * @param hotKeyPeriod how often the list is rewritten from this instance's counts
 */
public record TierSupport(GridConnection connection, InstanceLease lease, WriteNotices notices,
                          NearCaches nearCaches, GridGuard guard, KeyPseudonyms pseudonyms, ValueCodec codec,
                          GridMetrics metrics, ScheduledExecutorService timer, Duration fillDeadline, int hotKeys,
                          Duration hotKeyPeriod) {
}
