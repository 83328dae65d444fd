package org.margin.integrity.similarity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.margin.store.integrity.FingerprintMatch;
import org.margin.store.integrity.Overlap;
import org.margin.store.submission.SubmissionId;

/** One course's fingerprints, as a check reads them: which submissions share hashes, and where. */
public interface CourseIndex {

    /** Submissions holding any of the hashes (but {@code excluding}), with how many distinct ones, most first. */
    List<Overlap> sharing(Collection<Long> hashes, Optional<SubmissionId> excluding, int limit);

    /** Where the hashes occur in the given submissions. */
    List<FingerprintMatch> matches(Collection<Long> hashes, Collection<SubmissionId> in);
}
