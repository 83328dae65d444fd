package org.margin.privacy.pii.evaluation;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Per-label tallies of one evaluation, with their micro-averaged total over the claimed labels. */
public record EvaluationResult(SortedMap<String, Tally> byLabel, Tally overall) {

    static EvaluationResult of(Map<String, Tally> byLabel) {
        Tally overall = new Tally();
        byLabel.values().forEach(overall::add);
        return new EvaluationResult(new TreeMap<>(byLabel), overall);
    }

    public Tally label(String label) {
        return byLabel.getOrDefault(label, new Tally());
    }
}
