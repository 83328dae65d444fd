package org.margin.store.integrity;

import org.margin.store.submission.SubmissionId;

/** Another submission of the course that holds the hash: where among its units, and which of its characters. */
public record FingerprintMatch(SubmissionId submission, long hash, int position, int start, int end) {
}
