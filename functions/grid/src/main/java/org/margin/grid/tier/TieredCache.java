package org.margin.grid.tier;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.margin.grid.coherence.InvalidationCause;
import org.margin.grid.coherence.NearCacheAccess;
import org.margin.grid.fault.GridUnavailable;
import org.margin.grid.metrics.CacheMetrics;
import org.margin.grid.warm.AccessCounts;
import org.margin.grid.warm.HotKeys;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;

/**
 * One cache in three tiers: this process's near cache (L1), the grid's map (L2), and the caller's store (L3).
 * Reads go down the tiers and fill them on the way back. Writes take the grid's lock on the key, go to the store,
 * put the value in the grid, and wait until no instance can still answer with the old value (see
 * {@code WriteNotices}). Ids become keyed pseudonyms before they reach the grid, and values pass through the
 * {@code ValueCodec}. Grid calls catch every runtime exception: the client fails with {@code HazelcastException}s
 * but also with {@code IllegalStateException}s while offline or shut down.
 *
 * <pre>{@code
 * TieredCache profiles = grid.cache("profiles", store::loadProfile, store::saveProfile);
 * Optional<byte[]> profile = profiles.read(studentId);
 * profiles.write(studentId, updated);
 * }</pre>
 */
public final class TieredCache {

    /** The grid map of cache {@code c} is {@code margin.tier.c}; near caches are configured by that prefix. */
    public static final String MAP_PREFIX = "margin.tier.";

    private static final System.Logger LOG = System.getLogger(TieredCache.class.getName());
    private static final int WRITE_ID_BYTES = 16;
    /** Longer than a writer holds the lock while it waits out an instance that died (acknowledgement + lease). */
    private static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    private static final Duration SETTLE_PERIOD = Duration.ofSeconds(1);
    /** Frees the lock of a writer that vanished without the grid noticing. */
    private static final Duration LOCK_LEASE = Duration.ofSeconds(30);
    /** Keys buried under one set of locks and one notice (about 45 bytes each in the notice). */
    static final int KEYS_PER_BURIAL = 2_000;

    private final String name;
    private final String mapName;
    private final Function<String, Optional<byte[]>> loader;
    private final BiConsumer<String, byte[]> writer;
    private final TierSupport support;
    private final CacheMetrics metrics;
    private final AccessCounts accesses;
    private final Set<String> owed = ConcurrentHashMap.newKeySet();
    private final SecureRandom random = new SecureRandom();
    private volatile Bound bound;
    private final AtomicBoolean settling = new AtomicBoolean();
    private volatile boolean warmed;

    /**
     * @param loader reads an id's value from the store, if it has one
     * @param writer stores an id's value; it must have succeeded when it returns
     */
    public TieredCache(String name, Function<String, Optional<byte[]>> loader, BiConsumer<String, byte[]> writer,
                       TierSupport support) {
        this.name = name;
        this.mapName = MAP_PREFIX + name;
        this.loader = loader;
        this.writer = writer;
        this.support = support;
        this.metrics = support.metrics().cache(name);
        this.accesses = new AccessCounts(support.hotKeys() * 20);
        support.lease().onTrusted(this::onTrusted);
        if (support.lease().trusted()) {
            // Created after start-up, on a connected grid: the proxy costs one round trip, once.
            onTrusted();
        }
        long period = support.hotKeyPeriod().toMillis();
        support.timer().scheduleWithFixedDelay(this::publishHotKeys, period, period, TimeUnit.MILLISECONDS);
        support.timer().scheduleWithFixedDelay(this::settleOwed, SETTLE_PERIOD.toMillis(), SETTLE_PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The id's value: from the first tier that has it, or from the store; empty if the store has none. */
    public Optional<byte[]> read(String id) {
        support.connection().start();
        String key = support.pseudonyms().of(name, id);
        Bound current = bound;
        if (current == null || !support.lease().trusted()) {
            return load(id);
        }
        accesses.record(key);
        GridEntry entry = GridEntry.of(current.nearCache().peek(key));
        if (entry instanceof GridEntry.Value value) {
            metrics.hit(Tier.L1);
            return Optional.of(open(value, key));
        }
        metrics.miss(Tier.L1);
        if (entry == null) {
            try {
                entry = GridEntry.of(support.guard().call(() -> current.map().get(key)));
            } catch (GridUnavailable unreachable) {
                return load(id);
            }
            if (entry instanceof GridEntry.Value value) {
                metrics.hit(Tier.L2);
                return Optional.of(open(value, key));
            }
            metrics.miss(Tier.L2);
        }
        return loadAndFill(id, key, current, (GridEntry.Tombstone) entry);
    }

    /**
     * Stores the id's value through the caller's writer, puts it in the grid, and returns once no instance can
     * answer with the previous value. Writers of one key take turns under the grid's lock on it, so the grid's
     * order of values is the store's order.
     */
    public WriteOutcome write(String id, byte[] value) {
        String key = support.pseudonyms().of(name, id);
        Bound current = boundForWrite();
        if (current == null || !lock(current, key)) {
            writer.accept(id, value);
            return unconfirmed(key);
        }
        try {
            store(id, value, key, current);
            if (publish(value, key, current)) {
                metrics.written(true);
                return new WriteOutcome.Confirmed();
            }
            return unconfirmed(key);
        } finally {
            unlock(current, key);
        }
    }

    /**
     * Drops the id's value from the grid and from every instance's near cache, for a caller whose store changed the
     * value by other means than {@link #write} (a value derived from rows that changed): the next read anywhere
     * loads it afresh. {@code Unconfirmed} when the grid cannot be reached; the key is then buried once it can be.
     */
    public WriteOutcome invalidate(String id) {
        String key = support.pseudonyms().of(name, id);
        Bound current = boundForWrite();
        if (current == null || !lock(current, key)) {
            return unconfirmed(key);
        }
        try {
            if (bury(key, current)) {
                metrics.written(true);
                return new WriteOutcome.Confirmed();
            }
            return unconfirmed(key);
        } finally {
            unlock(current, key);
        }
    }

    /**
     * {@link #invalidate} for many ids at once, with the same guarantee for each: when it returns {@code Confirmed},
     * no instance serves a value of any of them that was there before the call, and no fill that began before can
     * put one back. Their locks are taken together, their tombstones written in one batch, and one notice reaches
     * every instance for all of them, so the cost is a few round trips per {@value #KEYS_PER_BURIAL} keys instead of
     * several per key. {@code Unconfirmed} if any key could not be buried now; those are buried once they can be.
     */
    public WriteOutcome invalidateAll(Collection<String> ids) {
        List<String> keys = Objects.requireNonNull(ids, "the ids to invalidate are null").stream()
                .map(id -> support.pseudonyms().of(name, Objects.requireNonNull(id, "an id to invalidate is null")))
                .distinct()
                .toList();
        int owing = buryInBatches(keys);
        metrics.written(true, keys.size() - owing);
        metrics.written(false, owing);
        return owing == 0 ? new WriteOutcome.Confirmed() : new WriteOutcome.Unconfirmed();
    }

    /** Buries keys a batch at a time; returns how many it could not bury now, which are owed. */
    private int buryInBatches(List<String> keys) {
        int owing = 0;
        for (int from = 0; from < keys.size(); from += KEYS_PER_BURIAL) {
            owing += buryTogether(keys.subList(from, Math.min(keys.size(), from + KEYS_PER_BURIAL)));
        }
        return owing;
    }

    /** Buries keys under their locks taken together; returns how many it could not bury, which are owed. */
    private int buryTogether(List<String> keys) {
        Bound current = boundForWrite();
        Set<String> buried = Set.of();
        if (current != null) {
            try (KeyLocks locks = KeyLocks.take(current.map(), keys, LOCK_WAIT, LOCK_LEASE)) {
                List<String> held = keys.stream().filter(locks.held()::contains).toList();
                if (held.isEmpty() || buryAll(held, current)) {
                    buried = locks.held();
                }
            } catch (RuntimeException unreachable) {
                LOG.log(System.Logger.Level.DEBUG, "Burying keys of cache " + name + " failed; they are owed");
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        int owing = 0;
        for (String key : keys) {
            if (!buried.contains(key)) {
                owed.add(key);
                owing++;
            }
        }
        return owing;
    }

    /**
     * Replaces the entries of locked keys with one tombstone in one batch and waits for every instance to drop them.
     * One write id serves every key: a fill compares the tombstone of its own key, which this burial made unique.
     */
    private boolean buryAll(List<String> keys, Bound current) {
        byte[] tombstone = newTombstone().bytes();
        Map<String, byte[]> entries = new HashMap<>(keys.size() * 2);
        keys.forEach(key -> entries.put(key, tombstone));
        try {
            current.map().setAll(entries);
            metrics.invalidated(InvalidationCause.LOCAL_WRITE, keys.size());
            support.notices().confirm(current.client(), mapName, keys);
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the caller's writer; if it fails, the store may have taken the value all the same: bury the key. */
    private void store(String id, byte[] value, String key, Bound current) {
        try {
            writer.accept(id, value);
        } catch (RuntimeException storeFailed) {
            if (!bury(key, current)) {
                owed.add(key);
            }
            throw storeFailed;
        }
    }

    /** Puts the value in the grid and waits until no instance holds the previous one; false if the grid failed. */
    private boolean publish(byte[] value, String key, Bound current) {
        return replace(key, GridEntry.Value.wrap(support.codec().seal(value, context(key))).bytes(), current);
    }

    /** Sets the grid's entry and waits until no instance holds the one before; false if the grid failed. */
    private boolean replace(String key, byte[] entry, Bound current) {
        try {
            current.map().set(key, entry);
            metrics.invalidated(InvalidationCause.LOCAL_WRITE);
            support.notices().confirm(current.client(), mapName, key);
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private WriteOutcome unconfirmed(String key) {
        owed.add(key);
        metrics.written(false);
        return new WriteOutcome.Unconfirmed();
    }

    /** Binds now if need be: a write may wait for the map's proxy, which a read would rather not. */
    private Bound boundForWrite() {
        Bound current = bound;
        if (current != null) {
            return current;
        }
        HazelcastInstance client = support.connection().client().orElse(null);
        if (client == null) {
            return null;
        }
        try {
            return bind(client);
        } catch (RuntimeException unreachable) {
            return null;
        }
    }

    private boolean lock(Bound current, String key) {
        try {
            return current.map().tryLock(key, LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS,
                    LOCK_LEASE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException unreachable) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void unlock(Bound current, String key) {
        try {
            current.map().unlock(key);
        } catch (RuntimeException lost) {
            LOG.log(System.Logger.Level.DEBUG, "A write's lock was lost with its connection; its lease frees it");
        }
    }

    /**
     * Replaces the grid's entry with a tombstone, which sends every reader to the store, and waits for every
     * instance to drop its copy; false if the grid could not be reached. The caller holds the key's lock.
     *
     * <p>A key buried again before anyone read it (a student's profile invalidated by each submission, read now and
     * then) still holds the settled tombstone of the last burial, and no near cache can hold a value of it: that
     * burial waited for every instance, and a value filled since would have replaced the tombstone. So a fresh
     * tombstone takes its place, to defeat fills that began before, without a round of notices; a key this cache
     * still owes a burial is never taken for settled.
     */
    private boolean bury(String key, Bound current) {
        try {
            byte[] before = current.map().get(key);
            if (!owed.contains(key) && GridEntry.of(before) instanceof GridEntry.Tombstone tombstone
                    && tombstone.isSettled()
                    && current.map().replace(key, before, newTombstone().settled().bytes())) {
                return true;
            }
        } catch (RuntimeException unreachable) {
            return false;
        }
        GridEntry.Tombstone tombstone = newTombstone();
        return replace(key, tombstone.bytes(), current) && settle(key, tombstone, current);
    }

    /** Marks a burial's tombstone settled, unless a fill has replaced it meanwhile with a value loaded after it. */
    private static boolean settle(String key, GridEntry.Tombstone tombstone, Bound current) {
        try {
            current.map().replace(key, tombstone.bytes(), tombstone.settled().bytes());
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    private GridEntry.Tombstone newTombstone() {
        byte[] writeId = new byte[WRITE_ID_BYTES];
        random.nextBytes(writeId);
        return GridEntry.Tombstone.of(writeId);
    }

    private Optional<byte[]> load(String id) {
        Optional<byte[]> loaded = loader.apply(id);
        if (loaded.isPresent()) {
            metrics.hit(Tier.L3);
        } else {
            metrics.miss(Tier.L3);
        }
        return loaded;
    }

    private Optional<byte[]> loadAndFill(String id, String key, Bound current, GridEntry.Tombstone tombstone) {
        long started = System.nanoTime();
        Optional<byte[]> loaded = load(id);
        if (loaded.isEmpty() || System.nanoTime() - started > support.fillDeadline().toNanos()) {
            return loaded;
        }
        byte[] filled = GridEntry.Value.wrap(support.codec().seal(loaded.get(), context(key))).bytes();
        try {
            // Only where nothing is, or where exactly the tombstone this read saw is: never over a later write.
            if (tombstone == null) {
                support.guard().call(() -> current.map().putIfAbsent(key, filled));
            } else {
                support.guard().call(() -> current.map().replace(key, tombstone.bytes(), filled));
            }
        } catch (GridUnavailable unreachable) {
            LOG.log(System.Logger.Level.DEBUG, "Filling the grid failed; the store answered");
        }
        return loaded;
    }

    private byte[] open(GridEntry.Value value, String key) {
        return support.codec().open(value.sealed(), context(key));
    }

    private static byte[] context(String key) {
        return key.getBytes(StandardCharsets.US_ASCII);
    }

    /** On each (re)gained lease: bind to the current client and warm once. */
    private void onTrusted() {
        HazelcastInstance client = support.connection().client().orElse(null);
        if (client == null) {
            return;
        }
        Bound current = bound;
        if (current == null || current.client() != client) {
            try {
                current = bind(client);
            } catch (RuntimeException unreachable) {
                LOG.log(System.Logger.Level.DEBUG, "Binding cache " + name + " failed; the next lease tries again");
                return;
            }
        }
        Bound ready = current;
        Thread.ofVirtual().name("margin-grid-warm").start(() -> warmOnce(ready));
    }

    /** Buries, in the background, the keys of writes the grid missed, while the grid is there. */
    private void settleOwed() {
        if (owed.isEmpty() || bound == null || !support.lease().trusted() || !settling.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("margin-grid-settle").start(() -> {
            try {
                // Struck off before burying: a debt that arrives meanwhile stays owed, and one not buried returns.
                List<String> keys = List.copyOf(owed);
                keys.forEach(owed::remove);
                buryInBatches(keys);
            } finally {
                settling.set(false);
            }
        });
    }

    private synchronized Bound bind(HazelcastInstance client) {
        if (bound != null && bound.client() == client) {
            return bound;
        }
        IMap<String, byte[]> map = client.getMap(mapName);
        NearCacheAccess nearCache = NearCacheAccess.of(map);
        support.nearCaches().add(mapName, nearCache);
        metrics.observeNearCache(nearCache::evictions, nearCache::expirations, nearCache::entries);
        UUID evictions = map.addEntryListener(new L2Evictions(), false);
        support.connection().releaseAtClose(() -> map.removeEntryListener(evictions));
        bound = new Bound(client, map, nearCache);
        return bound;
    }

    private void warmOnce(Bound current) {
        if (warmed) {
            return;
        }
        warmed = true;
        try {
            int keys = HotKeys.warm(current.client(), current.map());
            LOG.log(System.Logger.Level.DEBUG, () -> "Warmed cache " + name + " with " + keys + " hot keys");
        } catch (RuntimeException unreachable) {
            LOG.log(System.Logger.Level.DEBUG, "Warming cache " + name + " failed; it fills as it is read");
        }
    }

    private void publishHotKeys() {
        Bound current = bound;
        if (current == null || !support.lease().trusted()) {
            return;
        }
        try {
            HotKeys.publish(current.client(), mapName, accesses.reportHottest(support.hotKeys()));
        } catch (RuntimeException unreachable) {
            LOG.log(System.Logger.Level.DEBUG, "Publishing hot keys of cache " + name + " failed");
        }
    }

    private record Bound(HazelcastInstance client, IMap<String, byte[]> map, NearCacheAccess nearCache) {
    }

    private final class L2Evictions implements EntryEvictedListener<String, byte[]>,
            EntryExpiredListener<String, byte[]> {
        @Override
        public void entryEvicted(com.hazelcast.core.EntryEvent<String, byte[]> event) {
            metrics.l2Evicted();
        }

        @Override
        public void entryExpired(com.hazelcast.core.EntryEvent<String, byte[]> event) {
            metrics.l2Expired();
        }
    }
}
