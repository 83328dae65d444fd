package org.margin.analysis;

import java.util.Objects;
import java.util.Optional;

import org.margin.analysis.readability.Readability;
import org.margin.analysis.readability.ReadabilityFormulas;
import org.margin.analysis.readability.WordDifficulty;
import org.margin.analysis.sentences.SentenceVariety;
import org.margin.analysis.sentences.SentenceVarietyMeasure;
import org.margin.analysis.sentences.Sentences;
import org.margin.analysis.text.CharacterClasses;
import org.margin.analysis.text.Paragraphs;
import org.margin.analysis.text.TextCounts;
import org.margin.analysis.text.WordTokens;
import org.margin.analysis.text.WordTypes;
import org.margin.analysis.vocabulary.LexicalDiversity;
import org.margin.analysis.vocabulary.Vocabulary;

/**
 * Analyses English prose. Pure and thread-safe: nothing is kept between calls except the word data (the
 * pronouncing dictionary, the familiar-word list and the hyphenation patterns), which load on the first call
 * that needs syllables.
 */
public final class WritingAnalyzer {

    /** The longest text analysed, in characters (Unicode code points). */
    public static final int MAX_TEXT_CHARACTERS = 100_000;

    private WritingAnalyzer() {
    }

    /** Analyses {@code text}; a text that cannot be analysed comes back {@link WritingAnalysis.Rejected}. */
    public static WritingAnalysis analyze(String text, AnalysisOptions options) {
        Objects.requireNonNull(options, "options");
        Optional<WritingAnalysis.Rejected> rejection = admit(text);
        if (rejection.isPresent()) {
            return rejection.get();
        }
        WordTokens words = WordTokens.of(text);
        if (words.wordCount() == 0) {
            return new WritingAnalysis.Rejected(RejectionReason.NO_WORDS,
                    "The text has no words, only punctuation or symbols.");
        }

        boolean wantsCounts = options.includes(Section.COUNTS);
        boolean wantsReadability = options.includes(Section.READABILITY);
        boolean wantsVocabulary = options.includes(Section.VOCABULARY);
        boolean wantsVariety = options.includes(Section.SENTENCE_VARIETY);

        Sentences sentences = wantsCounts || wantsReadability || wantsVariety ? Sentences.of(text) : null;
        WordDifficulty difficulty = wantsCounts || wantsReadability ? WordDifficulty.of(words) : null;
        WordTypes types = wantsVocabulary || wantsVariety ? WordTypes.of(words) : null;

        Optional<TextCounts> counts = wantsCounts
                ? Optional.of(new TextCounts(words.wordCount(), sentences.count(), Paragraphs.count(text),
                        difficulty.syllables(), difficulty.polysyllables(), words.letterCount(),
                        words.characterCount()))
                : Optional.empty();
        Optional<Readability> readability = wantsReadability
                ? Optional.of(ReadabilityFormulas.score(words.wordCount(), words.tokenCount(), sentences.count(),
                        words.letterCount(), words.characterCount(), difficulty))
                : Optional.empty();
        Optional<Vocabulary> vocabulary = wantsVocabulary
                ? Optional.of(LexicalDiversity.measure(types, words.wordCount(), options.mtldThreshold()))
                : Optional.empty();
        Optional<SentenceVariety> variety = wantsVariety
                ? Optional.of(SentenceVarietyMeasure.measure(words, types, sentences,
                        options.repeatedOpeningsLimit()))
                : Optional.empty();
        return new WritingAnalysis.Completed(counts, readability, vocabulary, variety);
    }

    private static Optional<WritingAnalysis.Rejected> admit(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.of(blank());
        }
        if (text.length() > MAX_TEXT_CHARACTERS) {
            int characters = text.codePointCount(0, text.length());
            if (characters > MAX_TEXT_CHARACTERS) {
                return Optional.of(new WritingAnalysis.Rejected(RejectionReason.TOO_LONG,
                        "The text has " + characters + " characters, more than the " + MAX_TEXT_CHARACTERS
                                + " that can be analysed at once; analyse it in parts."));
            }
        }
        if (CharacterClasses.isBlank(text)) {
            return Optional.of(blank());
        }
        return Optional.empty();
    }

    private static WritingAnalysis.Rejected blank() {
        return new WritingAnalysis.Rejected(RejectionReason.BLANK,
                "The text is empty or only white space; send the writing to analyse.");
    }
}
