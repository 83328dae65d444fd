package org.margin.integrity.similarity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.margin.integrity.winnowing.TextFingerprints;
import org.margin.integrity.winnowing.Winnowing;
import org.margin.store.integrity.CandidateEntries;
import org.margin.store.integrity.FingerprintMatch;
import org.margin.store.integrity.HashFrequencies;
import org.margin.store.submission.SubmissionId;

/**
 * Scores a text against a course's index and finds the shared passages, in two reads of the index.
 *
 * <p>Candidates: the hashes held by too much of the course (a quoted prompt, stock phrases, topic words) are
 * ignored, as MOSS does; of the rest, the {@value #SEEDS} held by the fewest submissions are the seeds, and the
 * {@value #CANDIDATES} submissions holding the most seeds are scored in full. A check thus reads a bounded number
 * of postings however large the course is.
 *
 * <p>Score: the larger of two shares of the checked text found in the candidate. <em>Containment</em>: of its
 * distinct fingerprints (passages of content words), as in winnowing. <em>Ordered word overlap</em>: of its
 * distinct content words, weighted by rarity in the course, those found in the candidate in the same order (the
 * heaviest chain of shared words whose first occurrences increase in both texts). A heavy rewrite keeps few
 * passages but keeps the source's specific words in the source's order; an independent answer on the same topic
 * shares the common topic words, in any order. Containment rather than Jaccard: a copied answer is usually a part
 * of its source, and Jaccard would dilute that part by everything else the source says.
 */
public final class SimilarityCheck {

    /** The most matches one check reports. */
    public static final int MAX_MATCHES = 20;
    /** The most spans reported per match; a wholly copied essay has a few long ones, not hundreds. */
    public static final int MAX_SPANS = 50;
    /** The rarest hashes that pick the candidates. */
    static final int SEEDS = 48;
    /** The candidates scored in full. */
    static final int CANDIDATES = 2 * MAX_MATCHES;
    /** Below this many filed submissions frequencies say nothing: nothing is common, every word weighs alike. */
    static final int FREQUENCIES_FROM = 20;
    /** A hash held by more than this share of the course (and by more than {@link #COMMON_FLOOR}) is ignored. */
    static final double COMMON_SHARE = 0.05;
    static final int COMMON_FLOOR = 10;

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
        long[] passages = checked.distinctHashes();
        if (passages.length == 0 && checked.wordCount() == 0) {
            return new SimilarityReport(checked.count(), List.of());
        }
        List<Long> passageHashes = new ArrayList<>(passages.length);
        for (long hash : passages) {
            passageHashes.add(hash);
        }
        List<Long> wordHashes = new ArrayList<>(checked.wordCount());
        for (int i = 0; i < checked.wordCount(); i++) {
            wordHashes.add(checked.wordHash(i));
        }
        List<Long> hashes = new ArrayList<>(passageHashes.size() + wordHashes.size());
        hashes.addAll(passageHashes);
        hashes.addAll(wordHashes);
        HashFrequencies frequencies = index.frequencies(hashes);
        Rarity rarity = new Rarity(frequencies);
        List<Long> seeds = hashes.stream()
                .filter(hash -> frequencies.holders(hash) > 0 && !rarity.common(hash))
                .sorted(Comparator.<Long>comparingInt(frequencies::holders).thenComparing(Comparator.naturalOrder()))
                .limit(SEEDS).toList();
        if (seeds.isEmpty()) {
            return new SimilarityReport(checked.count(), List.of());
        }
        List<CandidateEntries> candidates = index.candidates(seeds, passageHashes, wordHashes, excluding, CANDIDATES);
        int usablePassages = 0;
        for (long hash : passages) {
            usablePassages += rarity.common(hash) ? 0 : 1;
        }
        List<Match> matches = new ArrayList<>(candidates.size());
        for (CandidateEntries candidate : candidates) {
            Map<Long, Integer> wordPositions = new HashMap<>(candidate.wordCount() * 2);
            for (int i = 0; i < candidate.wordCount(); i++) {
                wordPositions.putIfAbsent(candidate.wordHashes()[i], candidate.wordPositions()[i]);
            }
            long shared = 0;
            long sharedUsable = 0;
            Set<Long> seen = new HashSet<>();
            for (FingerprintMatch match : candidate.passages()) {
                if (seen.add(match.hash())) {
                    shared++;
                    sharedUsable += rarity.common(match.hash()) ? 0 : 1;
                }
            }
            double containment = usablePassages == 0 ? 0 : (double) sharedUsable / usablePassages;
            double similarity = Math.max(containment, orderedWordOverlap(checked, wordPositions, rarity));
            matches.add(new Match(candidate.submission(), Math.min(1, similarity), shared,
                    spans(checked, candidate.passages())));
        }
        matches.sort(Comparator.comparingDouble(Match::similarity).reversed()
                .thenComparing(match -> match.submission().value()));
        return new SimilarityReport(checked.count(), matches.subList(0, Math.min(limit, matches.size())));
    }

    /**
     * The weight of the heaviest chain of the checked text's distinct words, in their order, whose first
     * occurrences in the candidate also increase, over the weight of all its distinct words. A Fenwick tree over
     * the candidate's positions keeps it O(n log n).
     */
    private static double orderedWordOverlap(TextFingerprints checked, Map<Long, Integer> candidatePositions,
                                             Rarity rarity) {
        if (checked.wordCount() == 0) {
            return 0;
        }
        int[] ranks = candidatePositions.values().stream().mapToInt(Integer::intValue).sorted().distinct()
                .toArray();
        double[] best = new double[ranks.length + 1];
        double total = 0;
        double heaviest = 0;
        for (int i = 0; i < checked.wordCount(); i++) {
            long hash = checked.wordHash(i);
            double weight = rarity.weight(hash);
            total += weight;
            Integer position = candidatePositions.get(hash);
            if (position == null) {
                continue;
            }
            int rank = Arrays.binarySearch(ranks, position) + 1;
            double chain = weight;
            for (int j = rank - 1; j > 0; j -= j & -j) {
                chain = Math.max(chain, best[j] + weight);
            }
            for (int j = rank; j < best.length; j += j & -j) {
                best[j] = Math.max(best[j], chain);
            }
            heaviest = Math.max(heaviest, chain);
        }
        return total == 0 ? 0 : heaviest / total;
    }

    /** How common a hash is in the course: whether it is ignored, and a word's weight (its idf). */
    private record Rarity(HashFrequencies frequencies) {

        boolean common(long hash) {
            int course = frequencies.submissions();
            return course >= FREQUENCIES_FROM
                    && frequencies.holders(hash) > Math.max(COMMON_FLOOR, COMMON_SHARE * course);
        }

        double weight(long hash) {
            int course = frequencies.submissions();
            if (course < FREQUENCIES_FROM) {
                return 1;
            }
            return Math.log((course + 1.0) / (frequencies.holders(hash) + 1.0)) + 1;
        }
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
