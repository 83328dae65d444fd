package org.margin.privacy.pii;

import java.util.Objects;

/**
 * One piece of personal data found in a text.
 *
 * @param start      index of the first UTF-16 unit of the value in the scanned string
 * @param end        index just past the last UTF-16 unit (exclusive)
 * @param type       what kind of personal data it is
 * @param score      confidence in [0, 1]
 * @param recognizer name of the recognizer that made the finding
 */
public record Finding(int start, int end, EntityType type, double score, String recognizer) {

    public Finding {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a finding needs 0 <= start < end, got [" + start + ", " + end + ")");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recognizer, "recognizer");
        if (!(score >= 0.0 && score <= 1.0)) {
            throw new IllegalArgumentException("score must lie in [0, 1], got " + score);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }

    /** The found value itself, cut from the text the finding was made in. */
    public String value(String text) {
        return text.substring(start, end);
    }
}
