package org.margin.integrity.check;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.margin.integrity.similarity.CourseIndex;
import org.margin.store.integrity.CandidateEntries;
import org.margin.store.integrity.HashFrequencies;
import org.margin.store.submission.SubmissionId;

/**
 * The course's index right after a submission was filed in it: the filing's statement already answered how common
 * the submission's hashes are, so a check asking about those reads nothing more; any other question goes to the
 * index itself.
 */
record FiledCourseIndex(CourseIndex index, HashFrequencies filed, Set<Long> filedHashes) implements CourseIndex {

    @Override
    public HashFrequencies frequencies(Collection<Long> hashes) {
        return filedHashes.containsAll(hashes) ? filed : index.frequencies(hashes);
    }

    @Override
    public List<CandidateEntries> candidates(Collection<Long> seeds, Collection<Long> passages,
                                             Collection<Long> words, Optional<SubmissionId> excluding,
                                             int candidates) {
        return index.candidates(seeds, passages, words, excluding, candidates);
    }
}
