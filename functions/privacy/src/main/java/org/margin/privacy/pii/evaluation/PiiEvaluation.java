package org.margin.privacy.pii.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.margin.privacy.pii.PiiDetector;

/**
 * Command line: {@code PiiEvaluation FILE [--development] [--errors N]}. Scores the standard detector on a
 * labelled dataset, per label and overall, on the development half, the held-out half and the whole, under both
 * matching rules. {@code --development} leaves the held-out half out altogether, for use while tuning;
 * {@code --errors N} lists up to N misses and N false findings per label, always from the development half only.
 * The last line is {@code overall precision=P recall=R f2=F} for the texts scored, under the coverage rule.
 */
public final class PiiEvaluation {

    private PiiEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path file = null;
        boolean developmentOnly = false;
        int errors = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--development")) {
                developmentOnly = true;
            } else if (args[i].equals("--errors") && i + 1 < args.length) {
                errors = Integer.parseInt(args[++i]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = Path.of(args[i]);
            } else {
                file = null;
                break;
            }
        }
        if (file == null) {
            System.err.println("usage: PiiEvaluation FILE [--development] [--errors N]");
            System.exit(2);
        }
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file);
            System.exit(2);
        }
        List<LabelledText> texts = DatasetReader.read(file);
        report(developmentOnly ? Evaluation.half(texts, Half.DEVELOPMENT) : texts, errors, System.out);
    }

    static void report(List<LabelledText> texts, int errors, PrintStream out) {
        Evaluation evaluation = new Evaluation(PiiDetector.standard());
        List<LabelledText> development = Evaluation.half(texts, Half.DEVELOPMENT);
        List<LabelledText> heldOut = Evaluation.half(texts, Half.HELD_OUT);
        out.printf(Locale.ROOT, "%d texts: development half (even template_id) %d, held-out half (odd) %d%n",
                texts.size(), development.size(), heldOut.size());
        out.println("claimed labels: " + String.join(" ", new java.util.TreeSet<>(LabelMapping.CLAIMED)));
        out.println("unclaimed labels (not detected, not scored): " + unclaimed(texts));

        EvaluationResult whole = null;
        for (MatchingRule rule : MatchingRule.values()) {
            EvaluationResult dev = evaluation.run(development, rule);
            EvaluationResult held = evaluation.run(heldOut, rule);
            EvaluationResult all = evaluation.run(texts, rule);
            out.println();
            out.println(rule == MatchingRule.COVERAGE
                    ? "rule: coverage (a gold span is found when >= 50% of it is covered by predictions of its label;"
                            + " a prediction is right when >= 50% of it lies in gold spans of its label)"
                    : "rule: strict (one-to-one, same label, intersection over union >= 0.5)");
            out.printf(Locale.ROOT, "%-18s %-22s %-22s %-22s%n", "label", "development P/R/F2", "held-out P/R/F2",
                    "whole P/R/F2 (gold)");
            for (String label : all.byLabel().keySet()) {
                out.printf(Locale.ROOT, "%-18s %-22s %-22s %-22s%n", label, figures(dev.label(label)),
                        figures(held.label(label)), figures(all.label(label)) + " (" + all.label(label).goldCount() + ")");
            }
            out.printf(Locale.ROOT, "%-18s %-22s %-22s %-22s%n", "OVERALL", figures(dev.overall()),
                    figures(held.overall()), figures(all.overall()));
            if (rule == MatchingRule.COVERAGE) {
                whole = all;
            }
        }
        if (errors > 0) {
            printErrors(evaluation, development, errors, out);
        }
        out.println();
        Tally overall = whole.overall();
        out.printf(Locale.ROOT, "overall precision=%.3f recall=%.3f f2=%.3f%n", overall.precision(), overall.recall(),
                overall.f2());
    }

    private static String figures(Tally tally) {
        return String.format(Locale.ROOT, "%.3f/%.3f/%.3f", tally.precision(), tally.recall(), tally.f2());
    }

    private static String unclaimed(List<LabelledText> texts) {
        Map<String, Integer> counts = new TreeMap<>();
        for (LabelledText text : texts) {
            for (GoldSpan span : text.spans()) {
                if (!LabelMapping.CLAIMED.contains(span.label())) {
                    counts.merge(span.label(), 1, Integer::sum);
                }
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((label, count) -> parts.add(label + " " + count));
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void printErrors(Evaluation evaluation, List<LabelledText> development, int limit, PrintStream out) {
        Map<String, List<String>> misses = new TreeMap<>();
        Map<String, List<String>> falses = new TreeMap<>();
        evaluation.run(development, MatchingRule.COVERAGE,
                (text, span) -> misses.computeIfAbsent(span.label(), ignored -> new ArrayList<>())
                        .add(excerpt(text, span.start(), span.end())),
                (text, prediction) -> falses.computeIfAbsent(prediction.label(), ignored -> new ArrayList<>())
                        .add(excerpt(text, prediction.start(), prediction.end())));
        out.println();
        out.println("errors on the development half (coverage rule)");
        misses.forEach((label, list) -> list.stream().limit(limit).forEach(e -> out.println("MISS  " + label + " " + e)));
        falses.forEach((label, list) -> list.stream().limit(limit).forEach(e -> out.println("FALSE " + label + " " + e)));
    }

    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), end + 25);
        return (text.substring(from, start) + "[[" + text.substring(start, end) + "]]" + text.substring(end, to))
                .replace("\n", "\\n");
    }
}
