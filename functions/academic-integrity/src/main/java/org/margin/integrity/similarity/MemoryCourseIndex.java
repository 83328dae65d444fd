package org.margin.integrity.similarity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.margin.integrity.winnowing.TextFingerprints;
import org.margin.store.integrity.FingerprintMatch;
import org.margin.store.integrity.Overlap;
import org.margin.store.submission.SubmissionId;

/**
 * A course's index in this process's memory, answering exactly as the stored one does: for the evaluation
 * command and the kernel benchmark, which measure the check without a database. Not thread-safe for writes.
 */
public final class MemoryCourseIndex implements CourseIndex {

    private static final Comparator<Overlap> MOST_SHARED_FIRST = Comparator.comparingLong(Overlap::sharedHashes)
            .reversed().thenComparing(overlap -> overlap.other().value());

    private final Map<Long, List<FingerprintMatch>> postings = new HashMap<>();

    /** Files a submission's fingerprints, as the store's {@code Fingerprints.record} does. */
    public void file(SubmissionId submission, TextFingerprints fingerprints) {
        for (int i = 0; i < fingerprints.count(); i++) {
            postings.computeIfAbsent(fingerprints.hash(i), hash -> new ArrayList<>(2)).add(new FingerprintMatch(
                    submission, fingerprints.hash(i), fingerprints.position(i), fingerprints.start(i),
                    fingerprints.end(i)));
        }
    }

    @Override
    public List<Overlap> sharing(Collection<Long> hashes, Optional<SubmissionId> excluding, int limit) {
        Map<SubmissionId, Long> shared = new HashMap<>();
        for (Long hash : new HashSet<>(hashes)) {
            Set<SubmissionId> holders = new HashSet<>();
            for (FingerprintMatch match : postings.getOrDefault(hash, List.of())) {
                if (excluding.filter(match.submission()::equals).isEmpty() && holders.add(match.submission())) {
                    shared.merge(match.submission(), 1L, Long::sum);
                }
            }
        }
        return shared.entrySet().stream().map(entry -> new Overlap(entry.getKey(), entry.getValue()))
                .sorted(MOST_SHARED_FIRST).limit(limit).toList();
    }

    @Override
    public List<FingerprintMatch> matches(Collection<Long> hashes, Collection<SubmissionId> in) {
        Set<SubmissionId> wanted = new HashSet<>(in);
        List<FingerprintMatch> found = new ArrayList<>();
        for (Long hash : new HashSet<>(hashes)) {
            for (FingerprintMatch match : postings.getOrDefault(hash, List.of())) {
                if (wanted.contains(match.submission())) {
                    found.add(match);
                }
            }
        }
        found.sort(Comparator.comparing((FingerprintMatch match) -> match.submission().value())
                .thenComparingInt(FingerprintMatch::position));
        return found;
    }
}
