package org.margin.integrity.similarity;

import java.util.List;

import org.margin.store.submission.SubmissionId;

/**
 * Another submission of the course and how much of the checked text it contains.
 *
 * @param similarity          0 to 1: the larger of containment (the share of the checked text's distinct fingerprints
 *                            it holds) and the ordered, rarity-weighted share of its distinct words (see {@link
 *                            SimilarityCheck})
 * @param sharedFingerprints  how many distinct fingerprints the two share
 * @param spans               the shared passages, in the checked text's order
 */
public record Match(SubmissionId submission, double similarity, long sharedFingerprints, List<MatchedSpan> spans) {

    public Match {
        spans = List.copyOf(spans);
    }
}
