package org.margin.integrity.similarity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.margin.store.integrity.FingerprintMatch;
import org.margin.store.integrity.HashFrequencies;
import org.margin.store.submission.SubmissionId;

/** One course's index, as a check reads it: how common hashes are, and where they occur in the best candidates. */
public interface CourseIndex {

    /** How many of the course's submissions hold each hash, and how many submissions it has filed. */
    HashFrequencies frequencies(Collection<Long> hashes);

    /**
     * Where the {@code hashes} occur in the {@code candidates} submissions (but {@code excluding}) that hold the
     * most distinct {@code seeds}, by submission and position.
     */
    List<FingerprintMatch> candidates(Collection<Long> seeds, Collection<Long> hashes,
                                      Optional<SubmissionId> excluding, int candidates);
}
