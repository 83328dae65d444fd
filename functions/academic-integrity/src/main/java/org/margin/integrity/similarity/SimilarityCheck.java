package org.margin.integrity.similarity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.margin.integrity.winnowing.TextFingerprints;
import org.margin.integrity.winnowing.Winnowing;
import org.margin.store.integrity.FingerprintMatch;
import org.margin.store.integrity.Overlap;
import org.margin.store.submission.SubmissionId;

/**
 * Scores a text against a course's index and finds the shared passages. The score is containment, the share of
 * the checked text's distinct fingerprints that a candidate also holds: a copied answer is usually a part of its
 * source (or of a longer essay), and Jaccard would dilute that part by everything else the source says.
 */
public final class SimilarityCheck {

    /** The most matches one check reports. */
    public static final int MAX_MATCHES = 20;
    /** The most spans reported per match; a wholly copied essay has a few long ones, not hundreds. */
    public static final int MAX_SPANS = 50;

    private final Winnowing winnowing;

    public SimilarityCheck(Winnowing winnowing) {
        this.winnowing = Objects.requireNonNull(winnowing, "winnowing");
    }

    public Winnowing winnowing() {
        return winnowing;
    }

    /** Checks {@code text} against the index, leaving out {@code excluding} (the text's own submission). */
    public SimilarityReport check(CharSequence text, CourseIndex index, Optional<SubmissionId> excluding,
                                  int limit) {
        return check(winnowing.fingerprint(text), index, excluding, limit);
    }

    /** Checks fingerprints already taken with this check's {@link #winnowing()}. */
    public SimilarityReport check(TextFingerprints checked, CourseIndex index, Optional<SubmissionId> excluding,
                                  int limit) {
        if (limit < 1 || limit > MAX_MATCHES) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_MATCHES);
        }
        long[] distinct = checked.distinctHashes();
        if (distinct.length == 0) {
            return new SimilarityReport(0, List.of());
        }
        List<Long> hashes = new ArrayList<>(distinct.length);
        for (long hash : distinct) {
            hashes.add(hash);
        }
        List<Overlap> candidates = index.sharing(hashes, excluding, limit);
        if (candidates.isEmpty()) {
            return new SimilarityReport(checked.count(), List.of());
        }
        Map<SubmissionId, List<FingerprintMatch>> occurrences = new HashMap<>();
        for (FingerprintMatch match : index.matches(hashes, candidates.stream().map(Overlap::other).toList())) {
            occurrences.computeIfAbsent(match.submission(), id -> new ArrayList<>()).add(match);
        }
        List<Match> matches = new ArrayList<>(candidates.size());
        for (Overlap candidate : candidates) {
            matches.add(new Match(candidate.other(), (double) candidate.sharedHashes() / distinct.length,
                    candidate.sharedHashes(), spans(checked, occurrences.getOrDefault(candidate.other(), List.of()))));
        }
        return new SimilarityReport(checked.count(), matches);
    }

    /**
     * Pairs each checked fingerprint with its occurrences in the candidate and merges pairs that follow each
     * other in both texts, no further apart than the guarantee threshold, into one passage.
     */
    private List<MatchedSpan> spans(TextFingerprints checked, List<FingerprintMatch> occurrences) {
        Map<Long, List<FingerprintMatch>> byHash = new HashMap<>();
        for (FingerprintMatch occurrence : occurrences) {
            byHash.computeIfAbsent(occurrence.hash(), hash -> new ArrayList<>(1)).add(occurrence);
        }
        int reach = winnowing.guaranteeThreshold();
        List<MatchedSpan> spans = new ArrayList<>();
        Run run = null;
        for (int i = 0; i < checked.count() && spans.size() < MAX_SPANS; i++) {
            List<FingerprintMatch> found = byHash.get(checked.hash(i));
            if (found == null) {
                continue;
            }
            FingerprintMatch next = null;
            if (run != null) {
                for (FingerprintMatch candidate : found) {
                    if (run.extendsTo(checked.position(i), candidate.position(), reach)) {
                        next = candidate;
                        break;
                    }
                }
            }
            if (next != null) {
                run.extend(checked, i, next);
            } else {
                if (run != null) {
                    spans.add(run.span());
                }
                run = new Run(checked, i, found.getFirst());
            }
        }
        if (run != null && spans.size() < MAX_SPANS) {
            spans.add(run.span());
        }
        return spans;
    }

    /** A passage being grown: its extent in both texts and the unit positions of its last pair. */
    private static final class Run {
        private final int checkedStart;
        private int checkedEnd;
        private int checkedPosition;
        private int matchedStart;
        private int matchedEnd;
        private int matchedPosition;
        private int fingerprints;

        Run(TextFingerprints checked, int index, FingerprintMatch match) {
            checkedStart = checked.start(index);
            checkedEnd = checked.end(index);
            checkedPosition = checked.position(index);
            matchedStart = match.start();
            matchedEnd = match.end();
            matchedPosition = match.position();
            fingerprints = 1;
        }

        boolean extendsTo(int nextChecked, int nextMatched, int reach) {
            int checkedGap = nextChecked - checkedPosition;
            int matchedGap = nextMatched - matchedPosition;
            return checkedGap > 0 && checkedGap <= reach && matchedGap > 0 && matchedGap <= reach;
        }

        void extend(TextFingerprints checked, int index, FingerprintMatch match) {
            checkedEnd = Math.max(checkedEnd, checked.end(index));
            checkedPosition = checked.position(index);
            matchedStart = Math.min(matchedStart, match.start());
            matchedEnd = Math.max(matchedEnd, match.end());
            matchedPosition = match.position();
            fingerprints++;
        }

        MatchedSpan span() {
            return new MatchedSpan(new TextSpan(checkedStart, checkedEnd), new TextSpan(matchedStart, matchedEnd),
                    fingerprints);
        }
    }
}
