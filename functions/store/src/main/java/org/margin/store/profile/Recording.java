package org.margin.store.profile;

import java.time.Instant;

/** What recording a submission's metrics did. */
public sealed interface Recording {

    /**
     * Stored, and folded into the student's profile, which now counts this many submissions, the latest handed in
     * at {@code lastSubmittedAt}.
     */
    record Recorded(long profileSubmissions, Instant lastSubmittedAt) implements Recording {
    }

    /** This submission's metrics were stored before; nothing changed (events may arrive more than once). */
    record AlreadyRecorded() implements Recording {
    }

    /** No such submission in this tenant; nothing was stored. */
    record UnknownSubmission() implements Recording {
    }
}
