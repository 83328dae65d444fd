package org.margin.platform.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.margin.store.Consistency;
import org.margin.store.consent.ConsentStatus;
import org.margin.store.consent.Consents;
import org.margin.store.consent.Purpose;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * Whether a function may process a student's event for its purpose: not after the student (or their parent)
 * withdrew that consent. A student's status is read from the store once and kept for a short time in this
 * instance; a withdrawal made elsewhere takes effect here within that time. Events refused are counted by purpose
 * ({@code margin.consent.dropped}), never by student.
 */
public final class ConsentGate {

    /** How long a status is trusted: a withdrawal reaches every instance within it. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(5);

    private static final int MAX_ENTRIES = 100_000;
    private static final AttributeKey<String> PURPOSE = AttributeKey.stringKey("margin.consent.purpose");

    private final Loader loader;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Entry> statuses = new ConcurrentHashMap<>();
    private final LongCounter droppedCounter;
    private final Map<Purpose, Attributes> labels = new EnumMap<>(Purpose.class);
    private final Map<Purpose, LongAdder> dropped = new EnumMap<>(Purpose.class);

    /** Reads a student's status from where consents are kept. */
    @FunctionalInterface
    public interface Loader {
        ConsentStatus status(TenantId tenant, PersonId student);
    }

    public ConsentGate(Loader loader, Duration ttl, Clock clock, Meter meter) {
        this.loader = loader;
        this.ttl = ttl;
        this.clock = clock;
        this.droppedCounter = meter.counterBuilder("margin.consent.dropped")
                .setUnit("{event}")
                .setDescription("Events acknowledged and not processed because consent for the purpose was withdrawn.")
                .build();
        for (Purpose purpose : Purpose.values()) {
            labels.put(purpose, Attributes.of(PURPOSE, purpose.column()));
            dropped.put(purpose, new LongAdder());
        }
    }

    /** A gate over the store's consents with the default time to live, counting drops into {@code meter}. */
    public static ConsentGate of(Consents consents, Meter meter) {
        return new ConsentGate((tenant, student) -> consents.status(tenant, student, Consistency.READ_YOUR_WRITES),
                DEFAULT_TTL, Clock.systemUTC(), meter);
    }

    /**
     * True when the student's event may be processed for the purpose; when not, counts the drop.
     *
     * @throws org.margin.store.StoreException when the status had to be read and the store failed
     */
    public boolean admits(TenantId tenant, PersonId student, Purpose purpose) {
        if (status(tenant, student).allows(purpose)) {
            return true;
        }
        dropped.get(purpose).increment();
        droppedCounter.add(1, labels.get(purpose));
        return false;
    }

    /** The student's status, from this instance's memory while fresh. */
    public ConsentStatus status(TenantId tenant, PersonId student) {
        Key key = new Key(tenant, student);
        Instant now = clock.instant();
        Entry entry = statuses.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.status();
        }
        ConsentStatus status = loader.status(tenant, student);
        if (statuses.size() >= MAX_ENTRIES) {
            statuses.values().removeIf(old -> !now.isBefore(old.expires()));
            if (statuses.size() >= MAX_ENTRIES) {
                statuses.clear();
            }
        }
        statuses.put(key, new Entry(status, now.plus(ttl)));
        return status;
    }

    /** Forgets a student's status here, e.g. after this instance recorded a change. */
    public void invalidate(TenantId tenant, PersonId student) {
        statuses.remove(new Key(tenant, student));
    }

    /** Events refused for the purpose since this gate was made. */
    public long dropped(Purpose purpose) {
        return dropped.get(purpose).sum();
    }

    private record Key(TenantId tenant, PersonId student) {
    }

    private record Entry(ConsentStatus status, Instant expires) {
    }
}
