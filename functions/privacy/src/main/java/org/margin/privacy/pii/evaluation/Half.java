package org.margin.privacy.pii.evaluation;

/**
 * The two halves of a dataset split by template: texts made from one template all fall in the same half, so
 * that the held-out half tests sentence shapes never looked at during development.
 */
public enum Half {
    /** Even template ids: the half whose errors may be studied. */
    DEVELOPMENT,
    /** Odd template ids, and texts without one: reported, never studied. */
    HELD_OUT;

    public static Half of(LabelledText text) {
        return text.templateId() >= 0 && text.templateId() % 2 == 0 ? DEVELOPMENT : HELD_OUT;
    }
}
