package org.margin.store.submission;

/** What storing a submission from a source did. */
public sealed interface Submitted {

    SubmissionId id();

    /** Stored now, under the id given. */
    record Created(SubmissionId id) implements Submitted {
    }

    /** The source sent it before: stored then, under this id; nothing was written now. */
    record AlreadySubmitted(SubmissionId id) implements Submitted {
    }
}
