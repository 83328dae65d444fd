package org.margin.privacy.pii.evaluation;

/** A labelled span of the reference data: the dataset's own label and UTF-16 offsets, end exclusive. */
public record GoldSpan(String label, int start, int end) {
}
