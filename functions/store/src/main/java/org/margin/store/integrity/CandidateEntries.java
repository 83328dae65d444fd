package org.margin.store.integrity;

import java.util.List;
import java.util.Objects;

import org.margin.store.submission.SubmissionId;

/**
 * What a check reads of one candidate submission: the entries it shares with the checked text. Words: each shared
 * content word's hash at its first position ({@code wordHashes[i]} at {@code wordPositions[i]}), in position
 * order. Passages: the shared winnowed fingerprints with their offsets, in position order.
 */
public record CandidateEntries(SubmissionId submission, long[] wordHashes, int[] wordPositions,
                               List<FingerprintMatch> passages) {

    public CandidateEntries {
        Objects.requireNonNull(submission, "submission");
        if (wordHashes.length != wordPositions.length) {
            throw new IllegalArgumentException("every shared word needs its position");
        }
        passages = List.copyOf(passages);
    }

    /** How many of the checked text's words the candidate holds. */
    public int wordCount() {
        return wordHashes.length;
    }
}
