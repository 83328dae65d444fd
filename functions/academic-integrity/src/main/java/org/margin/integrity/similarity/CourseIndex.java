package org.margin.integrity.similarity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.margin.store.integrity.CandidateEntries;
import org.margin.store.integrity.HashFrequencies;
import org.margin.store.submission.SubmissionId;

/** One course's index, as a check reads it: how common hashes are, and what the best candidates share. */
public interface CourseIndex {

    /** How many of the course's submissions hold each hash, and how many submissions it has filed. */
    HashFrequencies frequencies(Collection<Long> hashes);

    /**
     * The {@code candidates} submissions (but {@code excluding}) that hold the most distinct {@code seeds}, each
     * with its passage entries among {@code passages} and its word entries among {@code words}.
     */
    List<CandidateEntries> candidates(Collection<Long> seeds, Collection<Long> passages, Collection<Long> words,
                                      Optional<SubmissionId> excluding, int candidates);
}
