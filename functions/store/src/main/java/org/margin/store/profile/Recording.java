package org.margin.store.profile;

/** What recording a submission's metrics did. */
public sealed interface Recording {

    /** Stored, and folded into the student's profile, which now counts this many submissions. */
    record Recorded(long profileSubmissions) implements Recording {
    }

    /** This submission's metrics were stored before; nothing changed (events may arrive more than once). */
    record AlreadyRecorded() implements Recording {
    }

    /** No such submission in this tenant; nothing was stored. */
    record UnknownSubmission() implements Recording {
    }
}
