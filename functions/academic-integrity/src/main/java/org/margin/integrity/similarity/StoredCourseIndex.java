package org.margin.integrity.similarity;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.margin.store.Consistency;
import org.margin.store.course.CourseId;
import org.margin.store.integrity.FingerprintMatch;
import org.margin.store.integrity.Fingerprints;
import org.margin.store.integrity.Overlap;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * A course's index in PostgreSQL: both reads are index-only scans of {@code fingerprints_by_course_hash}. Reads
 * go to the primary, so a submission filed a moment ago is already a candidate.
 */
public record StoredCourseIndex(Fingerprints fingerprints, TenantId tenant, CourseId course) implements CourseIndex {

    @Override
    public List<Overlap> sharing(Collection<Long> hashes, Optional<SubmissionId> excluding, int limit) {
        return fingerprints.sharing(tenant, course, hashes, excluding, limit, Consistency.READ_YOUR_WRITES);
    }

    @Override
    public List<FingerprintMatch> matches(Collection<Long> hashes, Collection<SubmissionId> in) {
        return fingerprints.matches(tenant, course, hashes, in, Fingerprints.MAX_RESULTS,
                Consistency.READ_YOUR_WRITES);
    }
}
