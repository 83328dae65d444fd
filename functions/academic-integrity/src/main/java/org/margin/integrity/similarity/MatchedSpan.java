package org.margin.integrity.similarity;

/** A passage found in both texts: where it is in the checked text and where in the other submission. */
public record MatchedSpan(TextSpan checked, TextSpan matched, int fingerprints) {
}
