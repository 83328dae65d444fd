package org.margin.store.integrity;

import org.margin.store.submission.SubmissionId;

/** Another submission of the course that holds the hash, and where. */
public record FingerprintMatch(SubmissionId submission, long hash, int position) {
}
