package org.margin.privacy.crypto.rotation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.margin.privacy.crypto.DecryptionFailedException;
import org.margin.privacy.crypto.EncryptedColumn;
import org.margin.privacy.crypto.KeyIds;
import org.margin.privacy.crypto.KeyOperation;
import org.margin.privacy.crypto.KeyPurpose;
import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.Keysets;

/**
 * A background job that moves every stored value of one purpose to its current primary key, column by column,
 * tenant by tenant, a page at a time in row-id order. Each value is replaced only if the row still holds what was
 * read, so a concurrent write is never overwritten (it was written under a current key anyway). Functions keep
 * serving throughout: old and new keys both decrypt until the old one is disabled.
 */
public final class Reencryption {

    private final Keyring keyring;
    private final RowSource rows;
    private final KeyPurpose purpose;
    private final String actor;
    private final Keysets keysets;
    private final int pageSize;
    private final List<EncryptedColumn> columns;
    private final long[] done;
    private final long[] remaining;
    private final long[] failed;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String failure;

    private Reencryption(Keyring keyring, RowSource rows, KeyPurpose purpose, String actor, Keysets keysets,
                         int pageSize) {
        this.keyring = keyring;
        this.rows = rows;
        this.purpose = purpose;
        this.actor = actor;
        this.keysets = keysets;
        this.pageSize = pageSize;
        this.columns = rows.columns().stream().filter(column -> column.purpose() == purpose).toList();
        this.done = new long[columns.size()];
        this.remaining = new long[columns.size()];
        this.failed = new long[columns.size()];
    }

    /**
     * Starts re-encrypting every column of {@code purpose} on a virtual thread. The keyring is refreshed first, so
     * the target is the newest stored primary.
     *
     * @param keysets  for the audit of start and finish
     * @param pageSize rows read per page
     */
    public static Reencryption start(Keyring keyring, RowSource rows, KeyPurpose purpose, String actor,
                                     Keysets keysets, int pageSize) {
        Objects.requireNonNull(keyring, "keyring");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(keysets, "keysets");
        if (purpose == KeyPurpose.GRID) {
            throw new IllegalArgumentException("grid values are not stored; they expire with the grid's time to live");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("pageSize must be at least 1");
        }
        Reencryption job = new Reencryption(keyring, rows, purpose, actor, keysets, pageSize);
        keyring.refresh();
        int target = keyring.primaryKeyId(purpose);
        keysets.record(actor, KeyOperation.REENCRYPTION_STARTED, purpose, OptionalInt.of(target));
        Thread.ofVirtual().name("margin-reencryption-" + purpose.keysetName()).start(() -> job.run(target));
        return job;
    }

    /** Progress per column, at this moment. */
    public synchronized List<ColumnProgress> progress() {
        List<ColumnProgress> progress = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            progress.add(new ColumnProgress(columns.get(i), done[i], remaining[i], failed[i]));
        }
        return progress;
    }

    public boolean finished() {
        return finished.getCount() == 0;
    }

    /** Waits until the job finished, at most {@code timeout}; true if it did. */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Why the job stopped early (the kind of failure only), if it did. */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    private void run(int target) {
        try {
            byte[] targetPrefix = KeyIds.prefix(target);
            for (int i = 0; i < columns.size(); i++) {
                EncryptedColumn column = columns.get(i);
                long count = rows.rows(column) - rows.rowsWithPrefix(column, targetPrefix);
                synchronized (this) {
                    remaining[i] = count;
                }
                for (UUID tenant : rows.tenants()) {
                    reencryptTenant(i, column, tenant, target);
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                long left = rows.rows(columns.get(i)) - rows.rowsWithPrefix(columns.get(i), targetPrefix);
                synchronized (this) {
                    remaining[i] = left;
                }
            }
        } catch (RuntimeException stopped) {
            failure = stopped.getClass().getSimpleName();
        } finally {
            try {
                keysets.record(actor, KeyOperation.REENCRYPTION_FINISHED, purpose, OptionalInt.of(target));
            } finally {
                finished.countDown();
            }
        }
    }

    private synchronized void countFailed(int index) {
        failed[index]++;
    }

    private void reencryptTenant(int index, EncryptedColumn column, UUID tenant, int target) {
        Optional<UUID> after = Optional.empty();
        while (true) {
            List<EncryptedRow> page = rows.page(tenant, column, after, pageSize);
            for (EncryptedRow row : page) {
                OptionalInt keyId = KeyIds.keyIdOf(row.value());
                if (keyId.isPresent() && keyId.getAsInt() == target) {
                    continue;
                }
                try {
                    byte[] moved = keyring.reencrypt(column, tenant, row.rowId(), row.value());
                    boolean replaced = rows.replace(tenant, column, row.rowId(), row.value(), moved);
                    synchronized (this) {
                        if (replaced) {
                            done[index]++;
                        }
                        remaining[index] = Math.max(0, remaining[index] - 1);
                    }
                } catch (DecryptionFailedException | IllegalArgumentException unreadable) {
                    countFailed(index);
                } catch (RuntimeException refused) {
                    // The store refused this one row (e.g. two rows of one person under different lookup keys now
                    // collide on a unique index); it stays as it is and is counted, the job goes on. A store that is
                    // away fails the recount at the end, which ends the job with a failure.
                    countFailed(index);
                }
            }
            if (page.size() < pageSize) {
                return;
            }
            after = Optional.of(page.getLast().rowId());
        }
    }
}
