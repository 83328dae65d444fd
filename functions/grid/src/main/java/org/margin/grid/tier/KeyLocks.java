package org.margin.grid.tier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.hazelcast.map.IMap;

/**
 * The grid's locks on many keys of one map, taken together and held until {@link #close}. Hazelcast locks one key
 * per call and ties each lock to the thread that took it, so every key is locked, and later unlocked, by a virtual
 * thread of its own: the lock requests travel together instead of one round trip after another.
 *
 * <p>Takers of several keys queue on one more lock of the map while they take theirs (its key has a dot, which no
 * base64url pseudonym has). So two of them never each hold part of the other's keys while waiting for the rest, and
 * a writer holds one key at a time and waits for no other lock: no cycle, no deadlock.
 */
final class KeyLocks implements AutoCloseable {

    static final String SET_TAKERS = "margin.grid.key-sets";

    private static final System.Logger LOG = System.getLogger(KeyLocks.class.getName());

    private final Set<String> held;
    private final CountDownLatch release;

    private KeyLocks(Set<String> held, CountDownLatch release) {
        this.held = held;
        this.release = release;
    }

    /**
     * Locks what it can of {@code keys} within {@code wait}; {@link #held} says which. Throws what the grid throws
     * when it cannot be reached.
     */
    static KeyLocks take(IMap<String, byte[]> map, Collection<String> keys, Duration wait, Duration lease)
            throws InterruptedException {
        Set<String> held = ConcurrentHashMap.newKeySet();
        CountDownLatch release = new CountDownLatch(1);
        if (!map.tryLock(SET_TAKERS, wait.toMillis(), TimeUnit.MILLISECONDS, lease.toMillis(), TimeUnit.MILLISECONDS)) {
            return new KeyLocks(held, release);
        }
        KeyLocks locks = new KeyLocks(held, release);
        try {
            List<CompletableFuture<Void>> taken = new ArrayList<>(keys.size());
            for (String key : keys) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                taken.add(done);
                Thread.ofVirtual().name("margin-grid-key-lock").start(() -> hold(map, key, wait, lease, held, done,
                        release));
            }
            CompletableFuture.allOf(taken.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException | Error failed) {
            locks.close();
            throw failed;
        } finally {
            unlockQuietly(map, SET_TAKERS);
        }
        return locks;
    }

    /** The keys locked; the others could not be locked in time, or the grid failed for them. */
    Set<String> held() {
        return held;
    }

    /** Frees every lock held; the unlocks travel in the background, and a lost one is freed by its lease. */
    @Override
    public void close() {
        release.countDown();
    }

    private static void hold(IMap<String, byte[]> map, String key, Duration wait, Duration lease, Set<String> held,
                             CompletableFuture<Void> done, CountDownLatch release) {
        boolean locked = false;
        try {
            locked = map.tryLock(key, wait.toMillis(), TimeUnit.MILLISECONDS, lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException unreachable) {
            LOG.log(System.Logger.Level.DEBUG, "Locking a key of a set failed; it is buried later");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (locked) {
            held.add(key);
        }
        done.complete(null);
        if (!locked) {
            return;
        }
        awaitRelease(release);
        unlockQuietly(map, key);
    }

    private static void unlockQuietly(IMap<String, byte[]> map, String key) {
        try {
            map.unlock(key);
        } catch (RuntimeException lost) {
            LOG.log(System.Logger.Level.DEBUG, "A lock was lost with its connection; its lease frees it");
        }
    }

    private static void awaitRelease(CountDownLatch release) {
        boolean interrupted = false;
        while (true) {
            try {
                release.await();
                break;
            } catch (InterruptedException again) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
