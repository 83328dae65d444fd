package org.margin.store.submission;

import java.util.Optional;
import org.margin.store.Opaque;
import org.margin.store.people.PersonId;

/** What taking an LMS user's submission found and did. */
public sealed interface LmsTaking {

    /** No pseudonym has that LMS user's lookup value: nothing was written. */
    record UnknownUser() implements LmsTaking {
    }

    /**
     * The user's pseudonym, their encrypted date of birth as the roster gave it (for the COPPA check, read with the
     * same statement), and what storing the submission did.
     */
    record Taken(PersonId student, Optional<Opaque> dateOfBirth, Submitted submitted)
            implements LmsTaking {
    }
}
