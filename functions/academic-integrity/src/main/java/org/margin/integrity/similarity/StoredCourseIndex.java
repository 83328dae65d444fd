package org.margin.integrity.similarity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.integrity.CandidateEntries;
import org.margin.store.integrity.Fingerprints;
import org.margin.store.integrity.HashFrequencies;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * A course's index in PostgreSQL: a check is two statements, a primary-key lookup of the hashes' frequencies and
 * one candidate read (index-only scans of the per-course index and of the fingerprints' primary key, one row of
 * arrays per candidate). Reads go to the primary, so a submission filed a moment ago is already a candidate.
 */
public record StoredCourseIndex(Fingerprints fingerprints, TenantId tenant, CourseId course) implements CourseIndex {

    @Override
    public HashFrequencies frequencies(Collection<Long> hashes) {
        return fingerprints.frequencies(tenant, course, hashes, Consistency.READ_YOUR_WRITES);
    }

    @Override
    public List<CandidateEntries> candidates(Collection<Long> seeds, Collection<Long> passages,
                                             Collection<Long> words, Optional<SubmissionId> excluding,
                                             int candidates) {
        return fingerprints.candidates(tenant, course, seeds, passages, words, excluding, candidates,
                Consistency.READ_YOUR_WRITES);
    }
}
