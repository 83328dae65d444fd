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
import org.margin.store.integrity.CandidateEntries;
import org.margin.store.integrity.Fingerprint;
import org.margin.store.integrity.FingerprintMatch;
import org.margin.store.integrity.HashFrequencies;
import org.margin.store.submission.SubmissionId;

/**
 * A course's index in this process's memory, answering exactly as the stored one does: for the evaluation
 * command and the kernel benchmark, which measure the check without a database. Not thread-safe for writes.
 */
public final class MemoryCourseIndex implements CourseIndex {

    private final Map<Long, List<SubmissionId>> holders = new HashMap<>();
    private final Map<SubmissionId, Filed> entries = new HashMap<>();

    /** A submission's entries, each kind in position order. */
    private record Filed(List<FingerprintMatch> passages, List<FingerprintMatch> words) {
    }

    /** Files a submission's entries, as the store's {@code Fingerprints.record} does; a second filing adds nothing. */
    public void file(SubmissionId submission, TextFingerprints fingerprints) {
        if (entries.containsKey(submission) || fingerprints.count() + fingerprints.wordCount() == 0) {
            return;
        }
        List<FingerprintMatch> passages = new ArrayList<>();
        List<FingerprintMatch> words = new ArrayList<>();
        Set<Long> distinct = new HashSet<>();
        for (Fingerprint entry : fingerprints.toStored()) {
            FingerprintMatch filed = new FingerprintMatch(submission, entry.hash(), entry.position(), entry.start(),
                    entry.end());
            (entry.kind() == Fingerprint.Kind.PASSAGE ? passages : words).add(filed);
            if (distinct.add(entry.hash())) {
                holders.computeIfAbsent(entry.hash(), hash -> new ArrayList<>(2)).add(submission);
            }
        }
        passages.sort(Comparator.comparingInt(FingerprintMatch::position));
        words.sort(Comparator.comparingInt(FingerprintMatch::position));
        entries.put(submission, new Filed(passages, words));
    }

    @Override
    public HashFrequencies frequencies(Collection<Long> hashes) {
        Map<Long, Integer> counts = new HashMap<>(hashes.size() * 2);
        for (Long hash : hashes) {
            List<SubmissionId> holding = holders.get(hash);
            if (holding != null) {
                counts.put(hash, holding.size());
            }
        }
        return new HashFrequencies(entries.size(), counts);
    }

    @Override
    public List<CandidateEntries> candidates(Collection<Long> seeds, Collection<Long> passages,
                                             Collection<Long> words, Optional<SubmissionId> excluding,
                                             int candidates) {
        Map<SubmissionId, Integer> held = new HashMap<>();
        for (Long seed : new HashSet<>(seeds)) {
            for (SubmissionId holder : holders.getOrDefault(seed, List.of())) {
                if (excluding.filter(holder::equals).isEmpty()) {
                    held.merge(holder, 1, Integer::sum);
                }
            }
        }
        List<SubmissionId> best = held.entrySet().stream()
                .sorted(Map.Entry.<SubmissionId, Integer>comparingByValue().reversed()
                        .thenComparing(entry -> entry.getKey().value()))
                .limit(candidates).map(Map.Entry::getKey)
                .sorted(Comparator.comparing(SubmissionId::value)).toList();
        Set<Long> wantedPassages = new HashSet<>(passages);
        Set<Long> wantedWords = new HashSet<>(words);
        List<CandidateEntries> found = new ArrayList<>(best.size());
        for (SubmissionId candidate : best) {
            Filed filed = entries.get(candidate);
            List<FingerprintMatch> shared = filed.words().stream()
                    .filter(entry -> wantedWords.contains(entry.hash())).toList();
            List<FingerprintMatch> sharedPassages = filed.passages().stream()
                    .filter(entry -> wantedPassages.contains(entry.hash())).toList();
            if (!shared.isEmpty() || !sharedPassages.isEmpty()) {
                found.add(new CandidateEntries(candidate,
                        shared.stream().mapToLong(FingerprintMatch::hash).toArray(),
                        shared.stream().mapToInt(FingerprintMatch::position).toArray(), sharedPassages));
            }
        }
        return found;
    }
}
