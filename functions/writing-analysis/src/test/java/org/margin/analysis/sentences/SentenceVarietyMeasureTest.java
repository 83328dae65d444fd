package org.margin.analysis.sentences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.margin.analysis.text.WordTokens;
import org.margin.analysis.text.WordTypes;

class SentenceVarietyMeasureTest {

    @Test
    void measuresSentenceLengths() {
        SentenceVariety variety = measure("I like big cats. Cats are really quite nice animals. They purr a lot.", 10);

        assertThat(variety.sentences()).isEqualTo(3);
        assertThat(variety.shortestLength()).isEqualTo(4);
        assertThat(variety.longestLength()).isEqualTo(6);
        assertThat(variety.meanLength()).isCloseTo(14 / 3.0, within(1e-12));
        double mean = 14 / 3.0;
        double expectedDeviation = Math.sqrt((Math.pow(4 - mean, 2) + Math.pow(6 - mean, 2) + Math.pow(4 - mean, 2)) / 3);
        assertThat(variety.lengthStandardDeviation()).isCloseTo(expectedDeviation, within(1e-12));
    }

    @Test
    void abbreviationsStayInsideTheirSentence() {
        SentenceVariety variety = measure("Mr. Smith went home. Mrs. Smith stayed out late.", 10);

        assertThat(variety.sentences()).isEqualTo(2);
        assertThat(variety.shortestLength()).isEqualTo(4);
        assertThat(variety.longestLength()).isEqualTo(5);
        assertThat(variety.repeatedOpenings()).isEmpty();
    }

    @Test
    void listsRepeatedOpeningsMostFrequentFirstThenAlphabetically() {
        String text = "Anna likes puzzles a lot. Anna is best at little puzzles. The puzzles look nice. "
                + "Anna works on big puzzles. The family loves them too. But they are hard work. "
                + "But it is fun.";
        SentenceVariety variety = measure(text, 10);

        assertThat(variety.repeatedOpenings()).containsExactly(
                new RepeatedOpening("anna", 3), new RepeatedOpening("but", 2), new RepeatedOpening("the", 2));
        assertThat(variety.consecutiveRepeatedOpenings()).isEqualTo(2);
    }

    @Test
    void limitsTheListOfRepeatedOpenings() {
        String text = "We ran home fast. We sat down there. They came back later. They left again soon.";

        assertThat(measure(text, 1).repeatedOpenings()).containsExactly(new RepeatedOpening("they", 2));
        assertThat(measure(text, 0).repeatedOpenings()).isEmpty();
    }

    @Test
    void aTextWithoutCountedSentencesIsOneSentence() {
        SentenceVariety variety = measure("Hi. Yes. No way", 10);

        assertThat(variety.sentences()).isEqualTo(1);
        assertThat(variety.shortestLength()).isEqualTo(4);
        assertThat(variety.lengthStandardDeviation()).isZero();
    }

    private static SentenceVariety measure(String text, int limit) {
        WordTokens words = WordTokens.of(text);
        return SentenceVarietyMeasure.measure(words, WordTypes.of(words), Sentences.of(text), limit);
    }
}
