package org.margin.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.margin.analysis.readability.Readability;
import org.margin.analysis.sentences.RepeatedOpening;
import org.margin.analysis.sentences.SentenceVariety;
import org.margin.analysis.text.TextCounts;
import org.margin.analysis.vocabulary.Vocabulary;

class WritingAnalyzerPropertiesTest {

    @Property(tries = 500)
    void arbitraryUtf16NeverThrowsAndEveryOutcomeIsConsistent(@ForAll("anyUtf16") String text) {
        assertConsistent(text, WritingAnalyzer.analyze(text, AnalysisOptions.defaults()));
    }

    @Property(tries = 300)
    void arbitraryCodePointsNeverThrowAndEveryOutcomeIsConsistent(@ForAll("anyCodePoints") String text) {
        assertConsistent(text, WritingAnalyzer.analyze(text, AnalysisOptions.defaults()));
    }

    @Property(tries = 300)
    void proseLikeTextGivesConsistentFigures(@ForAll("proseLike") String text,
                                             @ForAll @IntRange(max = 50) int openingsLimit) {
        AnalysisOptions options = AnalysisOptions.defaults().withRepeatedOpeningsLimit(openingsLimit);
        WritingAnalysis analysis = WritingAnalyzer.analyze(text, options);

        assertThat(analysis).isInstanceOf(WritingAnalysis.Completed.class);
        assertConsistent(text, analysis);
        SentenceVariety variety = ((WritingAnalysis.Completed) analysis).sentenceVariety().orElseThrow();
        assertThat(variety.repeatedOpenings()).hasSizeLessThanOrEqualTo(openingsLimit);
    }

    @Property(tries = 10)
    void textsUpToTheLimitNeverThrow(@ForAll("longText") String text) {
        assertConsistent(text, WritingAnalyzer.analyze(text, AnalysisOptions.defaults()));
    }

    @Property(tries = 100)
    void askingForFewerSectionsChangesNoFigure(@ForAll("proseLike") String text) {
        WritingAnalysis.Completed all = (WritingAnalysis.Completed) WritingAnalyzer.analyze(text,
                AnalysisOptions.defaults());
        WritingAnalysis.Completed counts = (WritingAnalysis.Completed) WritingAnalyzer.analyze(text,
                AnalysisOptions.only(Section.COUNTS));
        WritingAnalysis.Completed vocabulary = (WritingAnalysis.Completed) WritingAnalyzer.analyze(text,
                AnalysisOptions.only(Section.VOCABULARY));

        assertThat(counts.counts()).isEqualTo(all.counts());
        assertThat(vocabulary.vocabulary()).isEqualTo(all.vocabulary());
    }

    private static void assertConsistent(String text, WritingAnalysis analysis) {
        switch (analysis) {
            case WritingAnalysis.Rejected rejected -> {
                assertThat(rejected.reason()).isNotNull();
                assertThat(rejected.message()).isNotBlank();
                if (text.codePointCount(0, text.length()) <= WritingAnalyzer.MAX_TEXT_CHARACTERS) {
                    assertThat(rejected.reason()).isNotEqualTo(RejectionReason.TOO_LONG);
                }
            }
            case WritingAnalysis.Completed completed -> {
                TextCounts counts = completed.counts().orElseThrow();
                assertCounts(counts);
                assertReadability(completed.readability().orElseThrow());
                assertVocabulary(completed.vocabulary().orElseThrow(), counts);
                assertVariety(completed.sentenceVariety().orElseThrow(), counts);
            }
        }
    }

    private static void assertCounts(TextCounts counts) {
        assertThat(counts.words()).isPositive();
        assertThat(counts.sentences()).isBetween(1, counts.words());
        assertThat(counts.paragraphs()).isPositive();
        assertThat(counts.syllables()).isNotNegative();
        assertThat(counts.polysyllables()).isBetween(0, counts.words());
        assertThat(counts.letters()).isBetween(counts.words(), counts.characters());
    }

    private static void assertReadability(Readability readability) {
        assertThat(List.of(readability.fleschReadingEase(), readability.fleschKincaidGrade(),
                readability.gunningFog(), readability.smogIndex(), readability.colemanLiauIndex(),
                readability.automatedReadabilityIndex(), readability.daleChallScore()))
                .allMatch(Double::isFinite);
    }

    private static void assertVocabulary(Vocabulary vocabulary, TextCounts counts) {
        assertThat(vocabulary.tokens()).isEqualTo(counts.words());
        assertThat(vocabulary.types()).isBetween(1, vocabulary.tokens());
        assertThat(vocabulary.typeTokenRatio()).isGreaterThan(0).isLessThanOrEqualTo(1);
        vocabulary.mtld().ifPresent(mtld -> assertThat(mtld).isFinite().isPositive());
        if (vocabulary.types() < vocabulary.tokens()) {
            assertThat(vocabulary.mtld()).isPresent();
        }
    }

    private static void assertVariety(SentenceVariety variety, TextCounts counts) {
        assertThat(variety.sentences()).isEqualTo(counts.sentences());
        assertThat(Math.round(variety.meanLength() * variety.sentences())).isEqualTo(counts.words());
        assertThat(variety.shortestLength()).isPositive();
        assertThat((double) variety.shortestLength()).isLessThanOrEqualTo(variety.meanLength() + 1e-9);
        assertThat((double) variety.longestLength()).isGreaterThanOrEqualTo(variety.meanLength() - 1e-9);
        assertThat(variety.lengthStandardDeviation()).isNotNegative()
                .isLessThanOrEqualTo(variety.longestLength() - variety.shortestLength() + 1e-9);
        assertThat(variety.consecutiveRepeatedOpenings()).isBetween(0, variety.sentences() - 1);
        List<RepeatedOpening> openings = variety.repeatedOpenings();
        assertThat(openings).allMatch(opening -> opening.sentences() >= 2 && !opening.word().isEmpty());
        assertThat(openings).isSortedAccordingTo((a, b) -> Integer.compare(b.sentences(), a.sentences()));
        assertThat(openings.stream().mapToInt(RepeatedOpening::sentences).sum()).isLessThanOrEqualTo(variety.sentences());
    }

    @Provide
    Arbitrary<String> anyUtf16() {
        return Arbitraries.strings().all().ofMaxLength(400);
    }

    @Provide
    Arbitrary<String> anyCodePoints() {
        return Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                .filter(codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
                .map(Character::toString)
                .list().ofMaxSize(300)
                .map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<String> longText() {
        return Arbitraries.oneOf(
                proseLike().map(prose -> repeatToLength(prose, WritingAnalyzer.MAX_TEXT_CHARACTERS)),
                Arbitraries.strings().all().ofMinLength(90_000).ofMaxLength(WritingAnalyzer.MAX_TEXT_CHARACTERS));
    }

    @Provide
    Arbitrary<String> proseLike() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("the", "a", "puzzle", "family", "together", "interpersonal", "don't", "it'll",
                        "Anna's", "well-balanced", "T.V.", "etc.", "Mr.", "500", "3.5", "café", "naïve",
                        "remove_punctuation", "\"quoted\"", "'single'", "—", "&", "...", "DON'T", "x"),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(14));
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", ", ", ". ", "! ", "? ", "\n", "\n\n", "; ");
        Arbitrary<String> piece = Combinators.combine(word, separator).as(String::concat);
        return piece.list().ofMinSize(1).ofMaxSize(400).map(pieces -> "Start " + String.join("", pieces));
    }

    private static String repeatToLength(String text, int length) {
        StringBuilder builder = new StringBuilder(length);
        while (builder.length() + text.length() + 1 <= length) {
            builder.append(text).append(' ');
        }
        return builder.toString();
    }
}
