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

    /**
     * Stores the value unless the row holds a higher version, which it refuses loudly, as a store with optimistic
     * versions does: a writer that lost a race learns it, and the tiers then bury the key instead of publishing.
     */
    public void save(String id, byte[] value) {
        rows.compute(id, (ignored, stored) -> {
            if (stored != null && versionOf(stored) > versionOf(value)) {
                throw new StaleWrite();
            }
            return value;
        });
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

    /** A write older than what the store holds. */
    public static final class StaleWrite extends IllegalStateException {
        StaleWrite() {
            super("a newer version is stored");
        }
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
