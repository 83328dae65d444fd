package org.margin.analysis;

/** Why a text was not analysed. */
public enum RejectionReason {
    /** The text was missing, empty, or nothing but white space. */
    BLANK,
    /** The text has more characters than {@link WritingAnalyzer#MAX_TEXT_CHARACTERS}. */
    TOO_LONG,
    /** The text has no words: only punctuation, symbols or marks. */
    NO_WORDS
}
