package org.margin.privacy.pii.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Scores one text's predictions against its gold spans under a {@link MatchingRule}. */
final class SpanMatcher {

    private SpanMatcher() {
    }

    /**
     * Tallies predictions and gold spans of the given labels; {@code onMiss} hears of each gold span not found
     * and {@code onFalse} of each prediction judged wrong.
     */
    static void score(LabelledText text, List<Prediction> predictions, MatchingRule rule, Map<String, Tally> tallies,
            BiConsumer<String, GoldSpan> onMiss, BiConsumer<String, Prediction> onFalse) {
        for (String label : LabelMapping.CLAIMED) {
            List<GoldSpan> gold = new ArrayList<>();
            for (GoldSpan span : text.spans()) {
                if (span.label().equals(label)) {
                    gold.add(span);
                }
            }
            List<Prediction> predicted = new ArrayList<>();
            for (Prediction prediction : predictions) {
                if (prediction.label().equals(label)) {
                    predicted.add(prediction);
                }
            }
            if (gold.isEmpty() && predicted.isEmpty()) {
                continue;
            }
            Tally tally = tallies.computeIfAbsent(label, ignored -> new Tally());
            boolean[] goldFound = new boolean[gold.size()];
            boolean[] predictionCorrect = new boolean[predicted.size()];
            if (rule == MatchingRule.COVERAGE) {
                coverage(text.text().length(), gold, predicted, goldFound, predictionCorrect);
            } else {
                strict(gold, predicted, goldFound, predictionCorrect);
            }
            for (int i = 0; i < gold.size(); i++) {
                tally.gold(goldFound[i]);
                if (!goldFound[i]) {
                    onMiss.accept(text.text(), gold.get(i));
                }
            }
            for (int i = 0; i < predicted.size(); i++) {
                tally.predicted(predictionCorrect[i]);
                if (!predictionCorrect[i]) {
                    onFalse.accept(text.text(), predicted.get(i));
                }
            }
        }
    }

    private static void coverage(int length, List<GoldSpan> gold, List<Prediction> predicted, boolean[] goldFound,
            boolean[] predictionCorrect) {
        boolean[] inGold = new boolean[length];
        for (GoldSpan span : gold) {
            for (int i = span.start(); i < span.end(); i++) {
                inGold[i] = true;
            }
        }
        boolean[] inPrediction = new boolean[length];
        for (Prediction prediction : predicted) {
            for (int i = prediction.start(); i < prediction.end(); i++) {
                inPrediction[i] = true;
            }
        }
        for (int g = 0; g < gold.size(); g++) {
            GoldSpan span = gold.get(g);
            goldFound[g] = 2 * count(inPrediction, span.start(), span.end()) >= span.end() - span.start();
        }
        for (int p = 0; p < predicted.size(); p++) {
            Prediction prediction = predicted.get(p);
            predictionCorrect[p] = 2 * count(inGold, prediction.start(), prediction.end())
                    >= prediction.end() - prediction.start();
        }
    }

    private static int count(boolean[] marks, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (marks[i]) {
                count++;
            }
        }
        return count;
    }

    private static void strict(List<GoldSpan> gold, List<Prediction> predicted, boolean[] goldFound,
            boolean[] predictionCorrect) {
        while (true) {
            double best = 0.5;
            int bestGold = -1;
            int bestPrediction = -1;
            for (int g = 0; g < gold.size(); g++) {
                if (goldFound[g]) {
                    continue;
                }
                for (int p = 0; p < predicted.size(); p++) {
                    if (predictionCorrect[p]) {
                        continue;
                    }
                    double iou = intersectionOverUnion(gold.get(g), predicted.get(p));
                    if (iou >= best && (bestGold < 0 || iou > best)) {
                        best = iou;
                        bestGold = g;
                        bestPrediction = p;
                    }
                }
            }
            if (bestGold < 0) {
                return;
            }
            goldFound[bestGold] = true;
            predictionCorrect[bestPrediction] = true;
        }
    }

    static double intersectionOverUnion(GoldSpan gold, Prediction prediction) {
        int intersection = Math.min(gold.end(), prediction.end()) - Math.max(gold.start(), prediction.start());
        if (intersection <= 0) {
            return 0;
        }
        int union = Math.max(gold.end(), prediction.end()) - Math.min(gold.start(), prediction.start());
        return (double) intersection / union;
    }
}
