package org.margin.store.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.margin.store.Consistency;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

import io.r2dbc.spi.Readable;

/** Consents per student and purpose: given, withdrawn, and what they allow now. */
public final class Consents {

    private static final String RECORD = """
            INSERT INTO consents (institution_id, person_id, purpose, given_by, verification, given_at)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (institution_id, person_id, purpose) WHERE withdrawn_at IS NULL DO NOTHING
            RETURNING id""";
    private static final String CURRENT = """
            SELECT id FROM consents
            WHERE institution_id = $1 AND person_id = $2 AND purpose = $3 AND withdrawn_at IS NULL""";
    private static final String WITHDRAW = """
            UPDATE consents SET withdrawn_at = greatest($4, given_at)
            WHERE institution_id = $1 AND person_id = $2 AND purpose = $3 AND withdrawn_at IS NULL
            RETURNING id""";
    private static final String OBJECT = """
            INSERT INTO consents (institution_id, person_id, purpose, given_by, given_at, withdrawn_at)
            VALUES ($1, $2, $3, $4, $5, $5)
            RETURNING id""";
    private static final String OF_STUDENT = """
            SELECT id, person_id, purpose, given_by, verification, given_at, withdrawn_at FROM consents
            WHERE institution_id = $1 AND person_id = $2
            ORDER BY given_at, id""";
    private static final String WITHDRAWN_SINCE = """
            SELECT id, person_id, purpose, given_by, verification, given_at, withdrawn_at FROM consents
            WHERE institution_id = $1 AND withdrawn_at IS NOT NULL AND withdrawn_at >= $2
            ORDER BY withdrawn_at, id""";

    private final TenantTransactions transactions;

    public Consents(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Records a consent, unless one for that student and purpose is current (which then stays as it is). */
    public Recording record(TenantId tenant, NewConsent consent) {
        return transactions.write(tenant, "consent record", connection ->
                Sql.rows(connection, RECORD,
                                row -> (Recording) new Recording.Recorded(id(row)),
                                tenant.value(), consent.student().value(), consent.purpose().column(),
                                consent.givenBy().column(),
                                consent.verification().<Object>map(Verification::column)
                                        .orElse(new Sql.Null(String.class)),
                                consent.givenAt())
                        .next()
                        .switchIfEmpty(Sql.rows(connection, CURRENT,
                                row -> (Recording) new Recording.AlreadyCurrent(id(row)),
                                tenant.value(), consent.student().value(), consent.purpose().column()).single()));
    }

    /**
     * Withdraws the student's current consent for the purpose as of {@code at} (never before it was given). With
     * none current, the purpose was processed on {@code basis}'s ground (the institution's educational interest,
     * say), and that is recorded as given and withdrawn at once, so the objection holds from then on. The record
     * stays, with its withdrawal time, for retention to act on.
     */
    public Withdrawal withdraw(TenantId tenant, PersonId student, Purpose purpose, Instant at, GivenBy basis) {
        if (basis == GivenBy.PARENT_OR_GUARDIAN) {
            throw new IllegalArgumentException("a parent's consent cannot be implied");
        }
        return transactions.write(tenant, "consent withdrawal", connection ->
                Sql.rows(connection, WITHDRAW, row -> (Withdrawal) new Withdrawal.Withdrawn(id(row)),
                                tenant.value(), student.value(), purpose.column(), at)
                        .next()
                        .switchIfEmpty(Sql.rows(connection, OBJECT,
                                row -> (Withdrawal) new Withdrawal.Objected(id(row)),
                                tenant.value(), student.value(), purpose.column(), basis.column(), at).single()));
    }

    /** Every consent the student has, current and withdrawn, oldest first. */
    public List<Consent> of(TenantId tenant, PersonId student, Consistency consistency) {
        return transactions.query(tenant, consistency, "consents read", OF_STUDENT, Consents::consent,
                tenant.value(), student.value());
    }

    /** What the student's consents allow now. */
    public ConsentStatus status(TenantId tenant, PersonId student, Consistency consistency) {
        return ConsentStatus.of(of(tenant, student, consistency));
    }

    /** Consents withdrawn at or after {@code since}, oldest withdrawal first: what retention expires data for. */
    public List<Consent> withdrawnSince(TenantId tenant, Instant since, Consistency consistency) {
        return transactions.query(tenant, consistency, "withdrawn consents read", WITHDRAWN_SINCE,
                Consents::consent, tenant.value(), since);
    }

    private static ConsentId id(Readable row) {
        return new ConsentId(Sql.required(row, "id", UUID.class));
    }

    private static Consent consent(Readable row) {
        return new Consent(id(row),
                new PersonId(Sql.required(row, "person_id", UUID.class)),
                Purpose.of(Sql.required(row, "purpose", String.class)),
                GivenBy.of(Sql.required(row, "given_by", String.class)),
                Optional.ofNullable(row.get("verification", String.class)).map(Verification::of),
                Sql.required(row, "given_at", Instant.class),
                Optional.ofNullable(row.get("withdrawn_at", Instant.class)));
    }
}
