package org.margin.platform.consent;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.grid.tier.WriteOutcome;
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
 * withdrew that consent. A student's status is read from the store by the first instance that needs it and kept in
 * the grid's tiered cache {@value #CACHE} (sealed, under a keyed pseudonym of tenant and student), so that every other
 * function and instance answers from its near cache or the grid. A change of consent buries the status
 * ({@link #invalidate}): once that returns {@code Confirmed}, no instance admits on the old status. Events refused are
 * counted by purpose ({@code margin.consent.dropped}), never by student.
 */
public final class ConsentGate {

    /** The grid cache of consent statuses. */
    public static final String CACHE = "consent-statuses";

    private static final AttributeKey<String> PURPOSE = AttributeKey.stringKey("margin.consent.purpose");
    private static final char SEPARATOR = '/';
    private static final String PARENTAL = ";parental";
    private static final String NO_PARENTAL = ";";

    private final Loader loader;
    private final TieredCache statuses;
    private final LongCounter droppedCounter;
    private final Map<Purpose, Attributes> labels = new EnumMap<>(Purpose.class);
    private final Map<Purpose, LongAdder> dropped = new EnumMap<>(Purpose.class);

    /** Reads a student's status from where consents are kept. */
    @FunctionalInterface
    public interface Loader {
        ConsentStatus status(TenantId tenant, PersonId student);
    }

    public ConsentGate(Loader loader, Grid grid, Meter meter) {
        this.loader = loader;
        this.statuses = grid.cache(CACHE, this::load);
        this.droppedCounter = meter.counterBuilder("margin.consent.dropped")
                .setUnit("{event}")
                .setDescription("Events acknowledged and not processed because consent for the purpose was withdrawn.")
                .build();
        for (Purpose purpose : Purpose.values()) {
            labels.put(purpose, Attributes.of(PURPOSE, purpose.column()));
            dropped.put(purpose, new LongAdder());
        }
    }

    /** A gate over the store's consents, its statuses kept in {@code grid}, counting drops into {@code meter}. */
    public static ConsentGate of(Consents consents, Grid grid, Meter meter) {
        return new ConsentGate((tenant, student) -> consents.status(tenant, student, Consistency.READ_YOUR_WRITES),
                grid, meter);
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

    /**
     * The student's status: from the tiers while they hold it, else from the store (also when the tiers hold what
     * another version wrote, naming a purpose this one does not know).
     */
    public ConsentStatus status(TenantId tenant, PersonId student) {
        Optional<byte[]> stored = statuses.read(key(tenant, student));
        if (stored.isPresent()) {
            try {
                return decode(stored.get());
            } catch (IllegalArgumentException unknownPurpose) {
                return loader.status(tenant, student);
            }
        }
        return loader.status(tenant, student);
    }

    /**
     * Buries the student's status on every instance, after this instance recorded a change of their consents;
     * {@code Unconfirmed} when the grid could not be reached (it is buried once the grid is back).
     */
    public WriteOutcome invalidate(TenantId tenant, PersonId student) {
        return statuses.invalidate(key(tenant, student));
    }

    /** Events refused for the purpose since this gate was made. */
    public long dropped(Purpose purpose) {
        return dropped.get(purpose).sum();
    }

    private Optional<byte[]> load(String key) {
        int separator = key.indexOf(SEPARATOR);
        TenantId tenant = new TenantId(UUID.fromString(key.substring(0, separator)));
        PersonId student = new PersonId(UUID.fromString(key.substring(separator + 1)));
        return Optional.of(encode(loader.status(tenant, student)));
    }

    private static String key(TenantId tenant, PersonId student) {
        return tenant.value().toString() + SEPARATOR + student.value();
    }

    /**
     * The refused purposes by their stable names, then whether a parent's consent is current: entries outlive a
     * deployment, so nothing here depends on the order of {@link Purpose}'s constants.
     */
    static byte[] encode(ConsentStatus status) {
        StringJoiner refused = new StringJoiner(",", "", status.parentalConsent() ? PARENTAL : NO_PARENTAL);
        status.refused().forEach(purpose -> refused.add(purpose.column()));
        return refused.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** @throws IllegalArgumentException for a purpose this version does not know, or what is not a status */
    static ConsentStatus decode(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        int end = text.lastIndexOf(';');
        if (end < 0) {
            throw new IllegalArgumentException("not a consent status");
        }
        Set<Purpose> refused = EnumSet.noneOf(Purpose.class);
        if (end > 0) {
            for (String column : text.substring(0, end).split(",")) {
                refused.add(Purpose.of(column));
            }
        }
        return new ConsentStatus(refused, text.substring(end).equals(PARENTAL));
    }
}
