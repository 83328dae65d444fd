package org.margin.platform.people;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What a roster says of a person: identifying fields, stored only encrypted. {@link #toString()} names none of
 * them, so a stray log line cannot leak one.
 */
public record PersonDetails(String lmsUserId, Optional<String> fullName, Optional<String> email,
                            Optional<LocalDate> dateOfBirth) {

    public PersonDetails {
        Objects.requireNonNull(lmsUserId, "lmsUserId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        if (lmsUserId.isBlank()) {
            throw new IllegalArgumentException("an LMS user id must not be blank");
        }
    }

    /** Only the LMS user id, as a submission webhook knows a person. */
    public static PersonDetails lmsUser(String lmsUserId) {
        return new PersonDetails(lmsUserId, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "PersonDetails[redacted]";
    }
}
