package org.margin.platform.people;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.LookupColumn;
import org.margin.privacy.crypto.RowContext;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.StoreRejectedException;
import org.margin.store.people.People;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.tenant.TenantId;

/**
 * The one way a person an LMS or a roster names becomes a pseudonym: found by the deterministic lookup value of
 * their LMS user id, or registered with every identifying field encrypted and bound to its row and column.
 */
public final class Pseudonyms {

    static final String TABLE = "person_identities";

    private final People people;
    private final Keyring keyring;

    public Pseudonyms(People people, Keyring keyring) {
        this.people = people;
        this.keyring = keyring;
    }

    /** The person's pseudonym, and whether it was made now. */
    public record Ensured(PersonId person, boolean created) {
    }

    /**
     * The pseudonym of the person, registered on first sight with the fields given; a known person gets the
     * fields given (and keeps those not given).
     */
    public Ensured ensure(TenantId tenant, PersonDetails details) {
        Opaque lookup = lmsUserLookup(tenant, details.lmsUserId());
        Optional<PersonId> known = people.findByLmsUser(tenant, lookup, Consistency.READ_YOUR_WRITES);
        if (known.isPresent()) {
            update(tenant, known.get(), details);
            return new Ensured(known.get(), false);
        }
        PersonId person = PersonId.generate();
        try {
            people.register(tenant, person, new PersonIdentity(seal(tenant, person, "lms_user_id",
                    Optional.of(details.lmsUserId())).orElseThrow(),
                    seal(tenant, person, "full_name", details.fullName()),
                    seal(tenant, person, "email", details.email()),
                    seal(tenant, person, "date_of_birth", details.dateOfBirth().map(LocalDate::toString)),
                    lookup, emailLookup(tenant, details)));
            return new Ensured(person, true);
        } catch (StoreRejectedException e) {
            if (e.reason() != StoreRejectedException.Reason.DUPLICATE) {
                throw e;
            }
            // Another delivery registered the same user a moment ago.
            PersonId other = people.findByLmsUser(tenant, lookup, Consistency.READ_YOUR_WRITES).orElseThrow(() -> e);
            update(tenant, other, details);
            return new Ensured(other, false);
        }
    }

    /**
     * The person's date of birth from the roster, decrypted; empty when the roster gave none (or the person is
     * unknown). Never log it.
     */
    public Optional<LocalDate> dateOfBirth(TenantId tenant, PersonId person) {
        return people.identity(tenant, person, Consistency.READ_YOUR_WRITES)
                .flatMap(identity -> dateOfBirth(tenant, person, identity.dateOfBirth()));
    }

    /** The date of birth of the person's identity row, read with another statement, decrypted. Never log it. */
    public Optional<LocalDate> dateOfBirth(TenantId tenant, PersonId person, Optional<Opaque> sealed) {
        return sealed.map(stored -> date(new String(keyring.decrypt(context(tenant, person, "date_of_birth"),
                stored.bytes()), StandardCharsets.UTF_8)));
    }

    /** The deterministic lookup value by which a person is found from their LMS user id. */
    public Opaque lmsUserLookup(TenantId tenant, String lmsUserId) {
        return Opaque.of(keyring.lookup(tenant.value(), LookupColumn.LMS_USER, lmsUserId));
    }

    private void update(TenantId tenant, PersonId person, PersonDetails details) {
        if (details.fullName().isEmpty() && details.email().isEmpty() && details.dateOfBirth().isEmpty()) {
            return;
        }
        people.updateIdentity(tenant, person,
                seal(tenant, person, "full_name", details.fullName()),
                seal(tenant, person, "email", details.email()),
                seal(tenant, person, "date_of_birth", details.dateOfBirth().map(LocalDate::toString)),
                emailLookup(tenant, details));
    }

    private Optional<Opaque> emailLookup(TenantId tenant, PersonDetails details) {
        return details.email().map(email -> Opaque.of(keyring.lookup(tenant.value(), LookupColumn.EMAIL, email)));
    }

    private Optional<Opaque> seal(TenantId tenant, PersonId person, String column, Optional<String> value) {
        return value.map(plain -> Opaque.of(keyring.encrypt(context(tenant, person, column),
                plain.getBytes(StandardCharsets.UTF_8))));
    }

    private static RowContext context(TenantId tenant, PersonId person, String column) {
        return new RowContext(tenant.value(), TABLE, column, person.value());
    }

    private static LocalDate date(String stored) {
        try {
            return LocalDate.parse(stored);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("a stored date of birth is not an ISO date");
        }
    }
}
