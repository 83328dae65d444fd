package org.margin.store;

import static io.r2dbc.spi.ConnectionFactoryOptions.CONNECT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.PASSWORD;
import static io.r2dbc.spi.ConnectionFactoryOptions.STATEMENT_TIMEOUT;
import static io.r2dbc.spi.ConnectionFactoryOptions.USER;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.ValidationDepth;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.margin.store.alert.AlertRules;
import org.margin.store.alert.Alerts;
import org.margin.store.audit.AuditTrail;
import org.margin.store.consent.Consents;
import org.margin.store.consent.HeldEvents;
import org.margin.store.course.Courses;
import org.margin.store.course.Enrollments;
import org.margin.store.deadletter.DeadLetters;
import org.margin.store.integrity.Fingerprints;
import org.margin.store.integrity.IndexCounts;
import org.margin.store.integrity.IntegrityReports;
import org.margin.store.keys.EncryptedColumnRows;
import org.margin.store.keys.PostgresKeyAudit;
import org.margin.store.keys.PostgresKeysetRepository;
import org.margin.store.migration.Migrations;
import org.margin.store.people.People;
import org.margin.store.profile.ClassAnalytics;
import org.margin.store.profile.Profiles;
import org.margin.store.retention.Expiry;
import org.margin.store.retention.RetentionPolicies;
import org.margin.store.subject.DataRequests;
import org.margin.store.subject.Subjects;
import org.margin.store.submission.Submissions;
import org.margin.store.tenant.Actor;
import org.margin.store.tenant.Institutions;
import org.margin.store.tenant.TenantTransactions;

/**
 * The store's entry: connection pools to the primary (and optionally a read replica) and the repositories over them.
 * Building a store opens no connection; the first call does. Every repository call takes the tenant it acts for.
 */
public final class Store implements AutoCloseable {

    private final LazyPool primary;
    /** Binary results from the primary, for reads of many rows (an audit chain): no hex or text to parse. */
    private final LazyPool bulk;
    private final Optional<LazyPool> replica;
    private final TenantTransactions transactions;
    private final Institutions institutions;
    private final People people;
    private final Courses courses;
    private final Enrollments enrollments;
    private final Submissions submissions;
    private final Profiles profiles;
    private final ClassAnalytics classAnalytics;
    private final AlertRules alertRules;
    private final Alerts alerts;
    private final Fingerprints fingerprints;
    private final IndexCounts indexCounts;
    private final DeadLetters deadLetters;
    private final IntegrityReports integrityReports;
    private final PostgresKeysetRepository keysets;
    private final PostgresKeyAudit keyAudit;
    private final EncryptedColumnRows encryptedColumns;
    private final Consents consents;
    private final HeldEvents heldEvents;
    private final Subjects subjects;
    private final DataRequests dataRequests;
    private final RetentionPolicies retentionPolicies;
    private final Expiry expiry;
    private final AuditTrail auditTrail;
    private final TenantTransactions bulkReads;

    private final boolean ownsPools;

    private Store(LazyPool primary, Optional<LazyPool> replica, LazyPool bulk,
                  TenantTransactions transactions, TenantTransactions bulkReads, boolean ownsPools) {
        this.primary = primary;
        this.bulk = bulk;
        this.replica = replica;
        this.ownsPools = ownsPools;
        this.bulkReads = bulkReads;
        this.transactions = transactions;
        this.institutions = new Institutions(transactions);
        this.people = new People(transactions);
        this.courses = new Courses(transactions);
        this.enrollments = new Enrollments(transactions);
        this.submissions = new Submissions(transactions);
        this.profiles = new Profiles(transactions);
        this.classAnalytics = new ClassAnalytics(transactions);
        this.alertRules = new AlertRules(transactions);
        this.alerts = new Alerts(transactions);
        this.fingerprints = new Fingerprints(transactions);
        this.indexCounts = new IndexCounts(transactions);
        this.deadLetters = new DeadLetters(transactions);
        this.integrityReports = new IntegrityReports(transactions);
        this.keysets = new PostgresKeysetRepository(transactions);
        this.keyAudit = new PostgresKeyAudit(transactions);
        this.encryptedColumns = new EncryptedColumnRows(transactions);
        this.consents = new Consents(transactions);
        this.heldEvents = new HeldEvents(transactions);
        this.subjects = new Subjects(transactions);
        this.dataRequests = new DataRequests(transactions);
        this.retentionPolicies = new RetentionPolicies(transactions);
        this.expiry = new Expiry(transactions);
        this.auditTrail = new AuditTrail(transactions, bulkReads);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A view of this store whose transactions act for the given actor: row-level security then shows the
     * student-data tables only as far as that actor may see them today. Cheap (no connection, shared pools); make
     * one per request. This store itself acts as {@link Actor#SERVICE}; closing a view closes nothing.
     */
    public Store actingFor(Actor actor) {
        return new Store(primary, replica, bulk, transactions.actingFor(actor), bulkReads.actingFor(actor), false);
    }

    /** Whom this store's transactions act for. */
    public Actor actor() {
        return transactions.actor();
    }

    public Institutions institutions() {
        return institutions;
    }

    public People people() {
        return people;
    }

    public Courses courses() {
        return courses;
    }

    public Enrollments enrollments() {
        return enrollments;
    }

    public Submissions submissions() {
        return submissions;
    }

    public Profiles profiles() {
        return profiles;
    }

    public ClassAnalytics classAnalytics() {
        return classAnalytics;
    }

    public AlertRules alertRules() {
        return alertRules;
    }

    public Alerts alerts() {
        return alerts;
    }

    public Fingerprints fingerprints() {
        return fingerprints;
    }

    /** The integrity index's counts still owed by removed fingerprints, and their application. */
    public IndexCounts indexCounts() {
        return indexCounts;
    }

    /** Operator data of no tenant: events the broker could not deliver. */
    public DeadLetters deadLetters() {
        return deadLetters;
    }

    public IntegrityReports integrityReports() {
        return integrityReports;
    }

    /** Encrypted keysets shared by every instance (opaque bytes; the privacy module's keyring reads them). */
    public PostgresKeysetRepository keysets() {
        return keysets;
    }

    /** The append-only audit of key operations. */
    public PostgresKeyAudit keyAudit() {
        return keyAudit;
    }

    /** The encrypted columns, for the privacy module's re-encryption job and its disable check. */
    public EncryptedColumnRows encryptedColumns() {
        return encryptedColumns;
    }

    /** Consent per student and purpose. */
    public Consents consents() {
        return consents;
    }

    /** Events held back until a child's parent consents. */
    public HeldEvents heldEvents() {
        return heldEvents;
    }

    /** Everything held about one person: read for access and portability, or erased. */
    public Subjects subjects() {
        return subjects;
    }

    /** Data-subject requests and their legal deadlines. */
    public DataRequests dataRequests() {
        return dataRequests;
    }

    /** How long each category of an institution's data is kept. */
    public RetentionPolicies retentionPolicies() {
        return retentionPolicies;
    }

    /** Deletes what has outlived its retention period. */
    public Expiry expiry() {
        return expiry;
    }

    /** The tamper-evident audit log's rows: append-only entries per tenant chain and their signed checkpoints. */
    public AuditTrail auditTrail() {
        return auditTrail;
    }

    /** The transactions every repository runs in; tests use it to send crafted SQL through the same pools. */
    TenantTransactions transactions() {
        return transactions;
    }

    /** Closes every pooled connection; a view made by {@link #actingFor(Actor)} leaves them to its store. */
    @Override
    public void close() {
        if (!ownsPools) {
            return;
        }
        primary.dispose();
        bulk.dispose();
        replica.ifPresent(LazyPool::dispose);
    }

    /** Where the store connects and how many connections it may hold. */
    public static final class Builder {

        /** Environment variables read by {@link #environment(Map)}. */
        public static final String URL = "MARGIN_DB_URL";
        public static final String USER_NAME = "MARGIN_DB_USER";
        public static final String USER_PASSWORD = "MARGIN_DB_PASSWORD";
        public static final String REPLICA_URL = "MARGIN_DB_REPLICA_URL";
        public static final String POOL_SIZE = "MARGIN_DB_POOL_SIZE";

        private String primaryUrl;
        private String replicaUrl;
        private String user;
        private String password;
        private int maxPoolSize = 10;
        private Duration callTimeout = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private String applicationName = "margin";

        private Builder() {
        }

        /**
         * The primary server as an R2DBC URL ({@code r2dbc:postgresql://host:5432/margin}, driver options such as
         * {@code ?sslMode=verify-full} allowed) and the application role's credentials.
         */
        public Builder primary(String r2dbcUrl, String user, String password) {
            this.primaryUrl = Objects.requireNonNull(r2dbcUrl, "r2dbcUrl");
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /** A streaming replica of the primary, reached with the same credentials: it serves STALE_OK reads. */
        public Builder replica(String r2dbcUrl) {
            this.replicaUrl = Objects.requireNonNull(r2dbcUrl, "r2dbcUrl");
            return this;
        }

        /** The most connections each pool (primary, replica) opens; none is opened before it is needed. */
        public Builder maxPoolSize(int maxPoolSize) {
            if (maxPoolSize < 1) {
                throw new IllegalArgumentException("maxPoolSize must be at least 1");
            }
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /** The longest one call may take, from waiting for a connection to commit; also the statement timeout. */
        public Builder callTimeout(Duration callTimeout) {
            this.callTimeout = requirePositive(callTimeout, "callTimeout");
            return this;
        }

        /** The longest opening one connection may take. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = requirePositive(connectTimeout, "connectTimeout");
            return this;
        }

        /** The name the server shows for these connections (pg_stat_activity). */
        public Builder applicationName(String applicationName) {
            this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
            return this;
        }

        /**
         * Reads {@value #URL}, {@value #USER_NAME}, {@value #USER_PASSWORD} and, when present, {@value #REPLICA_URL}
         * and {@value #POOL_SIZE}, as a function's Knative Service sets them.
         */
        public Builder environment(Map<String, String> environment) {
            primary(require(environment, URL), require(environment, USER_NAME), require(environment, USER_PASSWORD));
            Optional.ofNullable(environment.get(REPLICA_URL)).filter(url -> !url.isBlank()).ifPresent(this::replica);
            Optional.ofNullable(environment.get(POOL_SIZE)).filter(size -> !size.isBlank())
                    .ifPresent(size -> maxPoolSize(Integer.parseInt(size.strip())));
            return this;
        }

        public Store build() {
            if (primaryUrl == null) {
                throw new IllegalStateException("the primary database is not set");
            }
            LazyPool primaryPool = pool(primaryUrl, "margin-primary", false, maxPoolSize);
            Optional<LazyPool> replicaPool =
                    Optional.ofNullable(replicaUrl).map(url -> pool(url, "margin-replica", false, maxPoolSize));
            LazyPool bulkPool = pool(primaryUrl, "margin-bulk", true, 2);
            return new Store(primaryPool, replicaPool, bulkPool,
                    new TenantTransactions(primaryPool, replicaPool.orElse(primaryPool), callTimeout),
                    new TenantTransactions(bulkPool, bulkPool, callTimeout), true);
        }

        /** The pool's settings are checked now, so that a bad URL stops the start; the pool is made on first use. */
        private LazyPool pool(String url, String name, boolean binary, int maxPoolSize) {
            ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(url).mutate()
                    .option(PostgresqlConnectionFactoryProvider.FORCE_BINARY, binary)
                    .option(USER, user)
                    .option(PASSWORD, password)
                    .option(CONNECT_TIMEOUT, connectTimeout)
                    .option(STATEMENT_TIMEOUT, callTimeout)
                    .option(PostgresqlConnectionFactoryProvider.SCHEMA, Migrations.SCHEMA)
                    .option(PostgresqlConnectionFactoryProvider.APPLICATION_NAME, applicationName)
                    .option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES, EventLoops.SHARED)
                    .build();
            return new LazyPool(() -> new ConnectionPool(ConnectionPoolConfiguration
                    .builder(ConnectionFactories.get(options))
                    .name(name)
                    .initialSize(0)
                    .minIdle(0)
                    .maxSize(maxPoolSize)
                    .maxAcquireTime(callTimeout)
                    .maxCreateConnectionTime(connectTimeout)
                    // After a server restart every idle connection is dead; a local check finds each, and retrying
                    // up to the pool's size lets one call walk past all of them to a fresh connection.
                    .validationDepth(ValidationDepth.LOCAL)
                    .acquireRetry(maxPoolSize)
                    .maxIdleTime(Duration.ofMinutes(10))
                    .build()));
        }

        private static String require(Map<String, String> environment, String name) {
            String value = environment.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " is not set");
            }
            return value.strip();
        }

        private static Duration requirePositive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return duration;
        }
    }
}
