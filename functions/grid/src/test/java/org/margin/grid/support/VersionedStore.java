package org.margin.grid.support;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store tier of the tests: a map standing in for the database, whose values are version numbers, so that a
 * read can tell whether it is older than the last acknowledged write. Counts its loads.
 */
public final class VersionedStore {

    private final Map<String, byte[]> rows = new ConcurrentHashMap<>();
    private final AtomicLong loads = new AtomicLong();
    private volatile boolean slow;
    private volatile boolean failAfterSaving;

    public Optional<byte[]> load(String id) {
        loads.incrementAndGet();
        if (slow) {
            TestGrids.sleep(1);
        }
        return Optional.ofNullable(rows.get(id));
    }

    /** Keeps the higher version, as a store with optimistic versions would: concurrent writers never go back. */
    public void save(String id, byte[] value) {
        rows.merge(id, value, (stored, offered) -> versionOf(offered) > versionOf(stored) ? offered : stored);
        if (failAfterSaving) {
            failAfterSaving = false;
            throw new IllegalStateException("the connection dropped after the commit");
        }
    }

    /** The next save stores its value, then fails, as a commit whose acknowledgement was lost. */
    public void failNextSaveAfterStoring() {
        failAfterSaving = true;
    }

    /** Makes each load take a millisecond, widening the window between a load and its fill. */
    public void slowLoads(boolean slow) {
        this.slow = slow;
    }

    public long loads() {
        return loads.get();
    }

    public static byte[] version(long version) {
        return ByteBuffer.allocate(Long.BYTES).putLong(version).array();
    }

    public static long versionOf(byte[] value) {
        return ByteBuffer.wrap(value).getLong();
    }
}
