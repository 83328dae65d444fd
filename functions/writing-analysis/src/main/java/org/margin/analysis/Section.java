package org.margin.analysis;

import java.util.Locale;
import java.util.Optional;

/** The parts of an analysis a caller can ask for. */
public enum Section {
    /** Words, sentences, paragraphs, syllables, polysyllables, letters and characters. */
    COUNTS,
    /** Flesch Reading Ease, Flesch-Kincaid, Gunning Fog, SMOG, Coleman-Liau, ARI and Dale-Chall. */
    READABILITY,
    /** Type-token ratio and MTLD. */
    VOCABULARY,
    /** Sentence length spread and repeated sentence openings. */
    SENTENCE_VARIETY;

    /** The name callers use on the wire: the constant's name in lower case, such as "sentence_variety". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The section with the given wire name, ignoring case, if there is one. */
    public static Optional<Section> fromWireName(String wireName) {
        for (Section section : values()) {
            if (section.wireName().equalsIgnoreCase(wireName)) {
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }
}
