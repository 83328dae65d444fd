package org.margin.privacy.pii.evaluation;

import java.util.List;

/** One record of the reference data. {@code templateId} is -1 when the record has none. */
public record LabelledText(String text, List<GoldSpan> spans, int templateId) {

    public LabelledText {
        spans = List.copyOf(spans);
    }
}
