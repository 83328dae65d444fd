package org.margin.privacy.pii.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.margin.privacy.pii.PiiDetector;

/**
 * Command line: {@code PiiEvaluation FILE [--half dev-a|dev-b|development|held-out|whole] [--errors N]}. Scores the
 * standard detector on a labelled dataset, per label and overall, under both matching rules, on the parts of
 * {@link Split}: every part as a column, or only the one {@code --half} names, so that a part meant to be read
 * once is not printed while tuning. {@code --errors N} lists up to N misses and N false findings per label, always
 * from dev-a only, the one part whose errors may be studied. The last line is
 * {@code overall precision=P recall=R f2=F} for the last column, under the coverage rule.
 */
public final class PiiEvaluation {

    private static final String USAGE =
            "usage: PiiEvaluation FILE [--half dev-a|dev-b|development|held-out|whole] [--errors N]";

    private PiiEvaluation() {
    }

    public static void main(String[] args) throws IOException {
        Path file = null;
        List<Split> parts = List.of(Split.values());
        int errors = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--half") && i + 1 < args.length) {
                Optional<Split> split = Split.ofOptionName(args[++i]);
                if (split.isEmpty()) {
                    usage();
                }
                parts = List.of(split.get());
            } else if (args[i].equals("--errors") && i + 1 < args.length && args[i + 1].matches("\\d{1,6}")) {
                errors = Integer.parseInt(args[++i]);
            } else if (file == null && !args[i].startsWith("--")) {
                file = Path.of(args[i]);
            } else {
                usage();
            }
        }
        if (file == null) {
            usage();
        }
        if (!Files.isReadable(file)) {
            System.err.println("cannot read " + file);
            System.exit(2);
        }
        report(DatasetReader.read(file), parts, errors, System.out);
    }

    private static void usage() {
        System.err.println(USAGE);
        System.exit(2);
    }

    static void report(List<LabelledText> texts, List<Split> parts, int errors, PrintStream out) {
        Evaluation evaluation = new Evaluation(PiiDetector.standard());
        Map<Split, List<LabelledText>> selected = new EnumMap<>(Split.class);
        List<String> sizes = new ArrayList<>();
        for (Split split : parts) {
            selected.put(split, Evaluation.part(texts, split));
            sizes.add(split.optionName() + " " + selected.get(split).size());
        }
        out.println(texts.size() + " texts; scored: " + String.join(", ", sizes)
                + " (dev-a: template_id % 4 == 0, dev-b: % 4 == 2, held-out: odd)");
        out.println("claimed labels: " + String.join(" ", new TreeSet<>(LabelMapping.CLAIMED)));
        out.println("unclaimed labels (not detected, not scored): " + unclaimed(texts));

        Tally last = null;
        for (MatchingRule rule : MatchingRule.values()) {
            List<EvaluationResult> results = new ArrayList<>();
            SortedSet<String> labels = new TreeSet<>();
            for (Split split : parts) {
                EvaluationResult result = evaluation.run(selected.get(split), rule);
                results.add(result);
                labels.addAll(result.byLabel().keySet());
            }
            out.println();
            out.println(rule == MatchingRule.COVERAGE
                    ? "rule: coverage (a gold span is found when >= 50% of it is covered by predictions of its label;"
                            + " a prediction is right when >= 50% of it lies in gold spans of its label)"
                    : "rule: strict (one-to-one, same label, intersection over union >= 0.5)");
            StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-18s", "label"));
            parts.forEach(split -> header.append(String.format(Locale.ROOT, " %-28s", split.optionName() + " P/R/F2 (gold)")));
            out.println(header);
            for (String label : labels) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-18s", label));
                results.forEach(result -> row.append(String.format(Locale.ROOT, " %-28s",
                        figures(result.label(label)) + " (" + result.label(label).goldCount() + ")")));
                out.println(row);
            }
            StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "%-18s", "OVERALL"));
            results.forEach(result -> total.append(String.format(Locale.ROOT, " %-28s", figures(result.overall()))));
            out.println(total);
            if (rule == MatchingRule.COVERAGE) {
                last = results.getLast().overall();
            }
        }
        if (errors > 0) {
            printErrors(evaluation, Evaluation.part(texts, Split.DEV_A), errors, out);
        }
        out.println();
        out.printf(Locale.ROOT, "overall precision=%.3f recall=%.3f f2=%.3f%n", last.precision(), last.recall(),
                last.f2());
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

    private static void printErrors(Evaluation evaluation, List<LabelledText> devA, int limit, PrintStream out) {
        Map<String, List<String>> misses = new TreeMap<>();
        Map<String, List<String>> falses = new TreeMap<>();
        evaluation.run(devA, MatchingRule.COVERAGE,
                (text, span) -> misses.computeIfAbsent(span.label(), ignored -> new ArrayList<>())
                        .add(excerpt(text, span.start(), span.end())),
                (text, prediction) -> falses.computeIfAbsent(prediction.label(), ignored -> new ArrayList<>())
                        .add(excerpt(text, prediction.start(), prediction.end())));
        out.println();
        out.println("errors on dev-a (coverage rule)");
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
