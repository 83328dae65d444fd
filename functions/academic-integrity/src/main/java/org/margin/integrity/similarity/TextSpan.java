package org.margin.integrity.similarity;

/** Characters {@code [start, end)} of an original text. */
public record TextSpan(int start, int end) {

    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("a span needs 0 <= start <= end");
        }
    }
}
