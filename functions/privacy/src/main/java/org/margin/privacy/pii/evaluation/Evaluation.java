package org.margin.privacy.pii.evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.PiiDetector;

/** Runs a detector over labelled texts and scores its findings. */
public final class Evaluation {

    private final PiiDetector detector;

    public Evaluation(PiiDetector detector) {
        this.detector = detector;
    }

    public EvaluationResult run(List<LabelledText> texts, MatchingRule rule) {
        return run(texts, rule, (text, span) -> { }, (text, prediction) -> { });
    }

    public EvaluationResult run(List<LabelledText> texts, MatchingRule rule, BiConsumer<String, GoldSpan> onMiss,
            BiConsumer<String, Prediction> onFalse) {
        Map<String, Tally> tallies = new HashMap<>();
        for (LabelledText text : texts) {
            SpanMatcher.score(text, predictions(text.text()), rule, tallies, onMiss, onFalse);
        }
        return EvaluationResult.of(tallies);
    }

    List<Prediction> predictions(String text) {
        List<Prediction> predictions = new ArrayList<>();
        for (Finding finding : detector.detect(text)) {
            Optional<String> label = LabelMapping.labelOf(finding.type());
            label.ifPresent(l -> predictions.add(new Prediction(l, finding.start(), finding.end())));
        }
        return predictions;
    }

    public static List<LabelledText> part(List<LabelledText> texts, Split split) {
        return texts.stream().filter(split::contains).toList();
    }
}
