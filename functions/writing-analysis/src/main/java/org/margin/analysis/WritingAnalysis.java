package org.margin.analysis;

import java.util.Optional;

import org.margin.analysis.readability.Readability;
import org.margin.analysis.sentences.SentenceVariety;
import org.margin.analysis.text.TextCounts;
import org.margin.analysis.vocabulary.Vocabulary;

/** The outcome of analysing a text: either the sections asked for, or why the text was turned away. */
public sealed interface WritingAnalysis {

    /** The text was analysed; each section is present exactly when the options asked for it. */
    record Completed(Optional<TextCounts> counts, Optional<Readability> readability,
                     Optional<Vocabulary> vocabulary, Optional<SentenceVariety> sentenceVariety)
            implements WritingAnalysis {
    }

    /**
     * The text was not analysed.
     *
     * @param reason  what was wrong, for programs
     * @param message what was wrong, in a sentence a writer can act on
     */
    record Rejected(RejectionReason reason, String message) implements WritingAnalysis {
    }
}
