package org.margin.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.margin.analysis.readability.Readability;
import org.margin.analysis.syllables.SyllableCounter;
import org.margin.analysis.text.TextCounts;
import org.margin.analysis.text.WordTokens;

/** Every figure the reference file gives, for every text, against textstat 0.7.11. */
class TextstatAgreementTest {

    private static final double READING_EASE_TOLERANCE = 1.0;
    private static final double GRADE_TOLERANCE = 0.5;

    static List<TextstatReference> references() throws Exception {
        return TextstatReference.load();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void countsMatchTextstat(TextstatReference reference) {
        TextCounts counts = completed(reference).counts().orElseThrow();
        WordTokens tokens = WordTokens.of(reference.text());

        assertThat(counts.words()).as("words").isEqualTo(reference.count("words"));
        assertThat(tokens.tokenCount()).as("tokens incl. punctuation, for ARI")
                .isEqualTo(reference.count("words_incl_punct_tokens_for_ARI"));
        assertThat(counts.sentences()).as("sentences").isEqualTo(reference.count("sentences"));
        assertThat(counts.syllables()).as("syllables").isEqualTo(reference.count("syllables"));
        assertThat(counts.polysyllables()).as("polysyllables").isEqualTo(reference.count("polysyllable_words_ge3"));
        assertThat(counts.letters()).as("letters").isEqualTo(reference.count("letters"));
        assertThat(counts.characters()).as("characters").isEqualTo(reference.count("chars_no_spaces"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void wordsAndTheirSyllablesMatchTextstat(TextstatReference reference) {
        WordTokens tokens = WordTokens.of(reference.text());
        SyllableCounter counter = new SyllableCounter();
        List<String> ours = new ArrayList<>();
        for (int word = 0; word < tokens.wordCount(); word++) {
            int syllables = counter.count(tokens.chars(), tokens.start(word), tokens.length(word));
            ours.add(tokens.word(word) + "=" + syllables);
        }
        List<String> theirs = reference.words().stream().map(w -> w.word() + "=" + w.syllables()).toList();

        assertThat(ours).containsExactlyElementsOf(theirs);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("references")
    void readabilityAgreesWithTextstat(TextstatReference reference) {
        Readability readability = completed(reference).readability().orElseThrow();

        assertThat(readability.fleschReadingEase()).as("flesch_reading_ease")
                .isCloseTo(reference.metric("flesch_reading_ease"), within(READING_EASE_TOLERANCE));
        assertGrade(reference, readability, "flesch_kincaid_grade", Readability::fleschKincaidGrade);
        assertGrade(reference, readability, "gunning_fog", Readability::gunningFog);
        assertGrade(reference, readability, "smog_index", Readability::smogIndex);
        assertGrade(reference, readability, "coleman_liau_index", Readability::colemanLiauIndex);
        assertGrade(reference, readability, "automated_readability_index", Readability::automatedReadabilityIndex);
        assertGrade(reference, readability, "dale_chall_readability_score", Readability::daleChallScore);
    }

    private static void assertGrade(TextstatReference reference, Readability readability, String metric,
                                    ToDoubleFunction<Readability> ours) {
        assertThat(ours.applyAsDouble(readability)).as(metric)
                .isCloseTo(reference.metric(metric), within(GRADE_TOLERANCE));
    }

    private static WritingAnalysis.Completed completed(TextstatReference reference) {
        WritingAnalysis analysis = WritingAnalyzer.analyze(reference.text(), AnalysisOptions.defaults());
        assertThat(analysis).isInstanceOf(WritingAnalysis.Completed.class);
        return (WritingAnalysis.Completed) analysis;
    }
}
