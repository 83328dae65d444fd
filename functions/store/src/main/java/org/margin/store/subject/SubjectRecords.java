package org.margin.store.subject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.margin.store.people.PersonId;
import org.margin.store.people.PersonIdentity;
import org.margin.store.submission.Submission;

/**
 * Everything the store holds about one person, as stored: encrypted fields stay opaque for the caller to open.
 *
 * @param person       the pseudonym
 * @param registeredAt when the pseudonym was created
 * @param identity     the identifying fields, encrypted; empty if none were ever stored
 * @param submissions  the person's submissions with their encrypted bodies, oldest first
 * @param records      every other row about the person, as one JSON object built by PostgreSQL: {@code
 *                     enrollments}, {@code metrics}, {@code profile}, {@code alerts}, {@code integrityReports}
 *                     (report bytes in base64), {@code fingerprints} (entries per submission and kind),
 *                     {@code consents}, {@code heldEvents} (ids and times) and {@code dataRequests}; member names are the columns'
 */
public record SubjectRecords(PersonId person, Instant registeredAt, Optional<PersonIdentity> identity,
                             List<Submission> submissions, String records) {

    public SubjectRecords {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(identity, "identity");
        submissions = List.copyOf(submissions);
        Objects.requireNonNull(records, "records");
    }

    @Override
    public String toString() {
        return "SubjectRecords[" + person + ", " + submissions.size() + " submissions]";
    }
}
