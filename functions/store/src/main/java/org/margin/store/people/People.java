package org.margin.store.people;

import io.r2dbc.spi.Readable;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** Pseudonymous people and, kept apart, their identifying fields. */
public final class People {

    private static final String INSERT_PERSON = "INSERT INTO people (institution_id, id) VALUES ($1, $2)";
    private static final String INSERT_IDENTITY = """
            INSERT INTO person_identities (institution_id, person_id, lms_user_id, full_name, email, date_of_birth,
                                           lms_user_lookup, email_lookup)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)""";
    private static final String UPDATE_IDENTITY = """
            UPDATE person_identities
            SET full_name = coalesce($3, full_name), email = coalesce($4, email),
                date_of_birth = coalesce($5, date_of_birth), email_lookup = coalesce($6, email_lookup)
            WHERE institution_id = $1 AND person_id = $2""";
    private static final String BY_LMS_LOOKUP =
            "SELECT person_id FROM person_identities WHERE institution_id = $1 AND lms_user_lookup = $2";
    private static final String BY_EMAIL_LOOKUP =
            "SELECT person_id FROM person_identities WHERE institution_id = $1 AND email_lookup = $2";
    private static final String IDENTITY = """
            SELECT lms_user_id, full_name, email, date_of_birth, lms_user_lookup, email_lookup
            FROM person_identities WHERE institution_id = $1 AND person_id = $2""";

    private final TenantTransactions transactions;

    public People(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /**
     * Creates a pseudonym and stores the person's identity beside it, both or neither. A second registration with
     * the same LMS lookup value fails with DUPLICATE.
     */
    public PersonId register(TenantId tenant, PersonIdentity identity) {
        return register(tenant, PersonId.generate(), identity);
    }

    /**
     * {@link #register(TenantId, PersonIdentity)} under a pseudonym made beforehand ({@link PersonId#generate()}),
     * for an identity whose encrypted fields are bound to it.
     */
    public PersonId register(TenantId tenant, PersonId person, PersonIdentity identity) {
        return transactions.write(tenant, "person registration", connection ->
                Sql.update(connection, INSERT_PERSON, tenant.value(), person.value())
                        .then(Sql.update(connection, INSERT_IDENTITY,
                                tenant.value(), person.value(),
                                identity.lmsUserId().bytes(),
                                bytesOrNull(identity.fullName()),
                                bytesOrNull(identity.email()),
                                bytesOrNull(identity.dateOfBirth()),
                                identity.lmsUserLookup().bytes(),
                                bytesOrNull(identity.emailLookup())))
                        .thenReturn(person));
    }

    /**
     * Sets the identifying fields given (a roster's name, email, date of birth), keeping those not given; the LMS
     * user id never changes. Returns whether the person has an identity.
     */
    public boolean updateIdentity(TenantId tenant, PersonId person, Optional<Opaque> fullName, Optional<Opaque> email,
                                  Optional<Opaque> dateOfBirth, Optional<Opaque> emailLookup) {
        return transactions.write(tenant, "identity update", connection -> Sql.update(connection, UPDATE_IDENTITY,
                tenant.value(), person.value(), bytesOrNull(fullName), bytesOrNull(email), bytesOrNull(dateOfBirth),
                bytesOrNull(emailLookup))) > 0;
    }

    /** Finds a person by the deterministic lookup value of their LMS user id. */
    public Optional<PersonId> findByLmsUser(TenantId tenant, Opaque lmsUserLookup, Consistency consistency) {
        return findBy(tenant, BY_LMS_LOOKUP, lmsUserLookup, consistency);
    }

    /** Finds a person by the deterministic lookup value of their email address. */
    public Optional<PersonId> findByEmail(TenantId tenant, Opaque emailLookup, Consistency consistency) {
        return findBy(tenant, BY_EMAIL_LOOKUP, emailLookup, consistency);
    }

    /** Whether the pseudonym is a person of this institution. */
    public boolean exists(TenantId tenant, PersonId person, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "person check",
                "SELECT 1 FROM people WHERE institution_id = $1 AND id = $2", row -> Boolean.TRUE,
                tenant.value(), person.value()).isPresent();
    }

    public Optional<PersonIdentity> identity(TenantId tenant, PersonId person, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "identity read", IDENTITY, People::identityOf,
                tenant.value(), person.value());
    }

    private Optional<PersonId> findBy(TenantId tenant, String sql, Opaque lookup, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "person lookup", sql,
                row -> new PersonId(Sql.required(row, "person_id", UUID.class)), tenant.value(), lookup.bytes());
    }

    private static PersonIdentity identityOf(Readable row) {
        return new PersonIdentity(
                Opaque.of(Sql.required(row, "lms_user_id", byte[].class)),
                optional(row, "full_name"),
                optional(row, "email"),
                optional(row, "date_of_birth"),
                Opaque.of(Sql.required(row, "lms_user_lookup", byte[].class)),
                optional(row, "email_lookup"));
    }

    private static Optional<Opaque> optional(Readable row, String column) {
        return Optional.ofNullable(row.get(column, byte[].class)).map(Opaque::of);
    }

    private static Object bytesOrNull(Optional<Opaque> value) {
        return value.<Object>map(Opaque::bytes).orElse(new Sql.Null(byte[].class));
    }
}
