package org.margin.integrity.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.margin.integrity.similarity.MemoryCourseIndex;
import org.margin.integrity.similarity.SimilarityCheck;
import org.margin.integrity.similarity.SimilarityReport;
import org.margin.integrity.winnowing.Winnowing;
import org.margin.store.submission.SubmissionId;

/**
 * Scores every answer of a labelled folder against its task's source with the check that
 * {@code check_similarity} runs, and prints the ROC AUC of copied (cut, light, heavy) against independent
 * (non) answers and the mean score per category. The folder holds plain-text files and {@code labels.csv} with
 * columns {@code file,task,category}; category {@code orig} marks a task's source. The last line is
 * {@code auc=A}.
 */
public final class SimilarityEvaluation {

    private static final List<String> COPIED = List.of("cut", "light", "heavy");
    private static final String INDEPENDENT = "non";
    private static final String SOURCE = "orig";

    private SimilarityEvaluation() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SimilarityEvaluation DIR   (DIR holds the texts and labels.csv)");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        if (!Files.isRegularFile(folder.resolve("labels.csv"))) {
            System.err.println("no labels.csv in " + folder);
            System.exit(2);
        }
        List<Scored> scored = score(folder, new SimilarityCheck(Winnowing.prose()));
        Map<String, List<Double>> byCategory = new LinkedHashMap<>();
        for (Scored answer : scored) {
            System.out.printf(Locale.ROOT, "%-24s %-6s %.3f%n", answer.file(), answer.category(), answer.score());
            byCategory.computeIfAbsent(answer.category(), category -> new ArrayList<>()).add(answer.score());
        }
        byCategory.forEach((category, scores) -> System.out.printf(Locale.ROOT, "mean %-6s %.3f (n=%d)%n",
                category, scores.stream().mapToDouble(Double::doubleValue).average().orElse(0), scores.size()));
        List<Double> copied = scored.stream().filter(answer -> COPIED.contains(answer.category()))
                .map(Scored::score).toList();
        List<Double> independent = scored.stream().filter(answer -> answer.category().equals(INDEPENDENT))
                .map(Scored::score).toList();
        System.out.printf(Locale.ROOT, "auc=%.4f%n", auc(copied, independent));
    }

    /** Each non-source answer's best similarity against an index that holds only its task's source. */
    public static List<Scored> score(Path folder, SimilarityCheck check) {
        List<Label> labels = labels(folder.resolve("labels.csv"));
        Map<String, MemoryCourseIndex> sources = new LinkedHashMap<>();
        for (Label label : labels) {
            if (label.category().equals(SOURCE)) {
                MemoryCourseIndex index = new MemoryCourseIndex();
                index.file(new SubmissionId(UUID.randomUUID()), check.winnowing().fingerprint(read(folder, label)));
                sources.put(label.task(), index);
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (Label label : labels) {
            if (label.category().equals(SOURCE)) {
                continue;
            }
            MemoryCourseIndex index = sources.get(label.task());
            if (index == null) {
                throw new IllegalArgumentException("task " + label.task() + " has no source (category orig)");
            }
            SimilarityReport report = check.check(read(folder, label), index, Optional.empty(), 1);
            scored.add(new Scored(label.file(), label.category(), report.bestSimilarity()));
        }
        return scored;
    }

    /** The probability that a copied answer scores above an independent one, ties counting half. */
    public static double auc(List<Double> positives, List<Double> negatives) {
        if (positives.isEmpty() || negatives.isEmpty()) {
            throw new IllegalArgumentException("the AUC needs copied and independent answers");
        }
        double wins = 0;
        for (double positive : positives) {
            for (double negative : negatives) {
                wins += positive > negative ? 1 : positive == negative ? 0.5 : 0;
            }
        }
        return wins / ((double) positives.size() * negatives.size());
    }

    private static List<Label> labels(Path csv) {
        List<String> lines = readLines(csv);
        if (lines.isEmpty() || !lines.getFirst().strip().equals("file,task,category")) {
            throw new IllegalArgumentException("labels.csv must start with the header file,task,category");
        }
        List<Label> labels = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.strip().split(",", -1);
            if (fields.length != 3) {
                throw new IllegalArgumentException("labels.csv: expected file,task,category in: " + line);
            }
            labels.add(new Label(fields[0], fields[1], fields[2]));
        }
        return labels;
    }

    private static String read(Path folder, Label label) {
        try {
            return Files.readString(folder.resolve(label.file()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Label(String file, String task, String category) {
    }

    /** One answer's score against its task's source. */
    public record Scored(String file, String category, double score) {
    }
}
