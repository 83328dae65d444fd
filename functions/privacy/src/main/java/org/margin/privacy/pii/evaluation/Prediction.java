package org.margin.privacy.pii.evaluation;

/** A detector finding translated to a dataset label. */
public record Prediction(String label, int start, int end) {
}
