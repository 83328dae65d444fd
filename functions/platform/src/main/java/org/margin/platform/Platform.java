package org.margin.platform;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.margin.audit.checkpoint.CheckpointKeys;
import org.margin.audit.checkpoint.Checkpointer;
import org.margin.audit.log.AuditLog;
import org.margin.audit.prune.AuditPruner;
import org.margin.audit.verify.AuditVerifier;
import org.margin.events.MarginEvents;
import org.margin.grid.Grid;
import org.margin.grid.codec.ValueCodec;
import org.margin.grid.delivery.GridDeliveryLedger;
import org.margin.platform.consent.ConsentGate;
import org.margin.platform.consent.HeldEventRelay;
import org.margin.platform.consent.ParentalConsent;
import org.margin.platform.consent.UnknownAge;
import org.margin.platform.keys.KeysetBootstrap;
import org.margin.platform.people.Pseudonyms;
import org.margin.platform.submission.SubmissionTexts;
import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.Keysets;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.runtime.cloudevents.sink.HttpEventSink;
import org.margin.store.Store;

import io.opentelemetry.api.metrics.Meter;

/**
 * What a function that handles student data connects to, built from its environment as Knative gives it: the
 * store ({@code MARGIN_DB_*}), the keys ({@code MARGIN_KEK_*}; keysets in the store), the grid
 * ({@code MARGIN_GRID_*}; values sealed by the grid key before they leave the process), the event sink
 * ({@code K_SINK}) and the delivery ledger in the grid. Building it opens no connection and loads no key: each is
 * reached on first use, so a cold start pays for none of them.
 */
public final class Platform implements AutoCloseable {

    private static final Duration KEY_REFRESH = Duration.ofSeconds(10);

    private final String function;
    private final Store store;
    private final Keyring keyring;
    private final Grid grid;
    private final EventSink sink;
    private final DeliveryLedger ledger;
    private final SubmissionTexts texts;
    private final MarginEvents events;
    private final Pseudonyms pseudonyms;
    private final ConsentGate consentGate;
    private final ParentalConsent parentalConsent;
    private final HeldEventRelay heldEvents;
    private final AuditLog audit;
    private final CheckpointKeys checkpointKeys;

    private Platform(String function, Store store, Keyring keyring, Grid grid, EventSink sink,
                     UnknownAge unknownAge, AuditLog audit, CheckpointKeys checkpointKeys, Meter meter) {
        this.function = function;
        this.store = store;
        this.keyring = keyring;
        this.grid = grid;
        this.sink = sink;
        this.ledger = GridDeliveryLedger.create(grid, function);
        this.texts = new SubmissionTexts(store.submissions(), keyring, meter);
        this.events = MarginEvents.forFunction(function);
        this.pseudonyms = new Pseudonyms(store.people(), keyring);
        this.consentGate = ConsentGate.of(store.consents(), grid, meter);
        this.parentalConsent = new ParentalConsent(pseudonyms, store.consents(), unknownAge);
        this.heldEvents = new HeldEventRelay(store.heldEvents(), keyring);
        this.audit = audit;
        this.checkpointKeys = checkpointKeys;
    }

    /** Whether {@code env} names a database: without one a function can serve only what needs no student data. */
    public static boolean configured(Map<String, String> env) {
        String url = env.get(Store.Builder.URL);
        return url != null && !url.isBlank();
    }

    /**
     * @param function the function's name: the store's application name, the audit's actor, the events' source
     * @param meter    where the grid's and the consent gate's instruments go: the function's telemetry
     *                 ({@code FunctionRuntime.telemetry}), so that its {@code /metrics} shows them
     * @throws IllegalArgumentException naming the variable, when one is missing or unusable
     */
    public static Platform fromEnvironment(Map<String, String> env, String function, Meter meter) {
        Store store = Store.builder().environment(env).applicationName("margin-" + function).build();
        String actor = function + "/" + env.getOrDefault("K_REVISION", "local") + "/"
                + UUID.randomUUID().toString().substring(0, 8);
        AuditLog audit = AuditLog.create(store.auditTrail());
        Keysets keysets = KeysetBootstrap.keysets(store, env, actor, audit);
        Keyring keyring = Keyring.create(keysets, KEY_REFRESH);
        Grid grid = Grid.builder()
                .environment(env)
                .codec(ValueCodec.of(keyring::sealGridValue, keyring::openGridValue))
                .meter(meter)
                .build();
        return new Platform(function, store, keyring, grid, HttpEventSink.fromEnvironment(env),
                UnknownAge.fromEnvironment(env), audit, new CheckpointKeys(keysets), meter);
    }

    /**
     * Starts connecting to the grid in the background; requests never wait for it here, they use the store until
     * it is connected. Functions call it once their start has settled ({@code LifecycleListener.settled}): on two
     * cores, a client connecting while the request that woke the function is served doubles that request's time.
     */
    public void connectInBackground() {
        grid.connect();
    }

    public String function() {
        return function;
    }

    public Store store() {
        return store;
    }

    public Keyring keyring() {
        return keyring;
    }

    public Grid grid() {
        return grid;
    }

    /** Where the function's events go. */
    public EventSink sink() {
        return sink;
    }

    /** The deliveries the function's instances have handled, for dropping duplicates. */
    public DeliveryLedger ledger() {
        return ledger;
    }

    /** Submission texts, sealed and opened with the row key. */
    public SubmissionTexts texts() {
        return texts;
    }

    /** Catalogue events with this function as their source. */
    public MarginEvents events() {
        return events;
    }

    /** People an LMS or a roster names, as pseudonyms with their identifying fields encrypted. */
    public Pseudonyms pseudonyms() {
        return pseudonyms;
    }

    /** Whether a student's event may be processed for a purpose (consent not withdrawn). */
    public ConsentGate consentGate() {
        return consentGate;
    }

    /** COPPA: whether a student's events must wait for a parent's consent ({@code MARGIN_COPPA_UNKNOWN_AGE}). */
    public ParentalConsent parentalConsent() {
        return parentalConsent;
    }

    /** Events held until a parent consents, and their release. */
    public HeldEventRelay heldEvents() {
        return heldEvents;
    }

    /**
     * The tamper-evident audit log: {@code audit().recordDurably(tenant, disclosure)} before a response that
     * discloses a student's data leaves. Key operations of this instance are chained in it too.
     */
    public AuditLog audit() {
        return audit;
    }

    /** Signs the audit chains' Merkle roots: on demand, or every interval ({@link Checkpointer#every}). */
    public Checkpointer auditCheckpoints() {
        return new Checkpointer(store.auditTrail(), checkpointKeys);
    }

    /** Verifies an audit chain against its entries and signed checkpoints. */
    public AuditVerifier auditVerifier() {
        return new AuditVerifier(store.auditTrail(), checkpointKeys);
    }

    /** Prunes an audit chain up to its newest signed checkpoint older than the audit period, once it verifies. */
    public AuditPruner auditPruner() {
        return new AuditPruner(store.auditTrail(), auditVerifier());
    }

    @Override
    public void close() {
        audit.close();
        grid.close();
        keyring.close();
        store.close();
    }
}
