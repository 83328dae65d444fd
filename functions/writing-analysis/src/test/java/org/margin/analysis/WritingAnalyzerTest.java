package org.margin.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.margin.analysis.text.TextCounts;

class WritingAnalyzerTest {

    private static final String ESSAY = """
            Homework should be shorter. Students who spend every evening on worksheets have no time left for \
            reading, sport or sleep. Teachers say practice matters, and they are right.

            But practice works best in small doses. A short task, done well, teaches more than a long one done \
            in a hurry. Schools should set less homework and expect more from it.""";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\n\t\r\n", "\u00A0\u2003"})
    void rejectsMissingAndBlankTexts(String text) {
        WritingAnalysis.Rejected rejected = rejected(text);

        assertThat(rejected.reason()).isEqualTo(RejectionReason.BLANK);
        assertThat(rejected.message()).contains("empty");
    }

    @Test
    void rejectsTextsLongerThanTheLimit() {
        WritingAnalysis.Rejected rejected = rejected("a".repeat(WritingAnalyzer.MAX_TEXT_CHARACTERS + 1));

        assertThat(rejected.reason()).isEqualTo(RejectionReason.TOO_LONG);
        assertThat(rejected.message()).contains("100001", "100000");
    }

    @Test
    void theLimitCountsCharactersNotUtf16Units() {
        String atLimit = "\uD835\uDC00".repeat(WritingAnalyzer.MAX_TEXT_CHARACTERS);
        String plainAtLimit = "word ".repeat(WritingAnalyzer.MAX_TEXT_CHARACTERS / 5);

        assertThat(WritingAnalyzer.analyze(atLimit, AnalysisOptions.defaults()))
                .isInstanceOf(WritingAnalysis.Completed.class);
        assertThat(WritingAnalyzer.analyze(plainAtLimit, AnalysisOptions.defaults()))
                .isInstanceOf(WritingAnalysis.Completed.class);
        assertThat(rejected(atLimit + "\uD835\uDC00").reason()).isEqualTo(RejectionReason.TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"...", "!!! ??? ---", "\uD83D\uDE00 \u2764", "\u0301\u0301"})
    void rejectsTextsWithoutWords(String text) {
        WritingAnalysis.Rejected rejected = rejected(text);

        assertThat(rejected.reason()).isEqualTo(RejectionReason.NO_WORDS);
        assertThat(rejected.message()).contains("no words");
    }

    @Test
    void computesOnlyTheSectionsAskedFor() {
        WritingAnalysis.Completed onlyVocabulary = completed(ESSAY, AnalysisOptions.only(Section.VOCABULARY));

        assertThat(onlyVocabulary.vocabulary()).isPresent();
        assertThat(onlyVocabulary.counts()).isEmpty();
        assertThat(onlyVocabulary.readability()).isEmpty();
        assertThat(onlyVocabulary.sentenceVariety()).isEmpty();

        WritingAnalysis.Completed everything = completed(ESSAY, AnalysisOptions.defaults());
        assertThat(everything.counts()).isPresent();
        assertThat(everything.readability()).isPresent();
        assertThat(everything.vocabulary()).isPresent();
        assertThat(everything.sentenceVariety()).isPresent();
    }

    @Test
    void analysesAShortEssay() {
        WritingAnalysis.Completed analysis = completed(ESSAY, AnalysisOptions.defaults());
        TextCounts counts = analysis.counts().orElseThrow();

        assertThat(counts.words()).isEqualTo(60);
        assertThat(counts.sentences()).isEqualTo(6);
        assertThat(counts.paragraphs()).isEqualTo(2);
        // Summed word by word from the CMU dictionary: 6 + 22 + 11 + 9 + 17 + 12 by sentence.
        assertThat(counts.syllables()).isEqualTo(77);
        assertThat(analysis.sentenceVariety().orElseThrow().meanLength()).isCloseTo(10.0, within(1e-12));
        assertThat(analysis.sentenceVariety().orElseThrow().shortestLength()).isEqualTo(4);
        assertThat(analysis.readability().orElseThrow().fleschReadingEase()).isBetween(60.0, 90.0);
        assertThat(analysis.vocabulary().orElseThrow().typeTokenRatio()).isBetween(0.6, 1.0);
    }

    @Test
    void givesTheSameAnswerEveryTime() {
        assertThat(WritingAnalyzer.analyze(ESSAY, AnalysisOptions.defaults()))
                .isEqualTo(WritingAnalyzer.analyze(ESSAY, AnalysisOptions.defaults()));
    }

    private static WritingAnalysis.Rejected rejected(String text) {
        WritingAnalysis analysis = WritingAnalyzer.analyze(text, AnalysisOptions.defaults());
        assertThat(analysis).isInstanceOf(WritingAnalysis.Rejected.class);
        return (WritingAnalysis.Rejected) analysis;
    }

    private static WritingAnalysis.Completed completed(String text, AnalysisOptions options) {
        WritingAnalysis analysis = WritingAnalyzer.analyze(text, options);
        assertThat(analysis).isInstanceOf(WritingAnalysis.Completed.class);
        return (WritingAnalysis.Completed) analysis;
    }
}
