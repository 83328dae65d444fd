package org.margin.integrity.similarity;

import java.util.List;

/** The outcome of checking a text against a course: its fingerprint count and its best matches, best first. */
public record SimilarityReport(int fingerprints, List<Match> matches) {

    public SimilarityReport {
        matches = List.copyOf(matches);
    }

    /** The highest similarity, 0 when nothing matched. */
    public double bestSimilarity() {
        return matches.isEmpty() ? 0 : matches.getFirst().similarity();
    }
}
