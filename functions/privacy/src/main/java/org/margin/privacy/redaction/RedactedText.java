package org.margin.privacy.redaction;

import java.util.List;

/** A redacted text and what was replaced in it, in text order. */
public record RedactedText(String text, List<Replacement> replacements) {

    public RedactedText {
        replacements = List.copyOf(replacements);
    }
}
