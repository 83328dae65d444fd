package org.margin.store.integrity;

import org.margin.store.submission.SubmissionId;

/** Another submission of the same course and how many distinct fingerprint hashes the two share. */
public record Overlap(SubmissionId other, long sharedHashes) {
}
