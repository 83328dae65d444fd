package org.margin.analysis.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.margin.analysis.text.WordTokens;
import org.margin.analysis.text.WordTypes;

class LexicalDiversityTest {

    @Test
    void typeTokenRatioIsDistinctWordsOverWords() {
        Vocabulary vocabulary = measure("the cat and the dog and the bird", 0.72);

        assertThat(vocabulary.tokens()).isEqualTo(8);
        assertThat(vocabulary.types()).isEqualTo(5);
        assertThat(vocabulary.typeTokenRatio()).isCloseTo(5 / 8.0, within(1e-12));
    }

    @Test
    void mtldCountsFactorsInBothDirections() {
        // Forward: a b a (2/3 <= 0.72, factor) b c a (1.0 left over, no share) -> 6 / 1 = 6.
        // Backward: a c b (1.0) a (3/4 = 0.75) b (3/5 = 0.6, factor) a (left over 1.0) -> 6 / 1 = 6.
        Vocabulary vocabulary = measure("a b a b c a", 0.72);

        assertThat(vocabulary.mtld()).hasValue(6.0);
    }

    @Test
    void mtldCountsTheLeftOverAsAFractionOfAFactor() {
        // Forward: x y x (2/3, factor) then a b c a left over at 3/4: (1 - 0.75) / (1 - 0.72) of a factor.
        // Backward: a c b a x y x reaches 5/7 (factor) only at its last word.
        Vocabulary vocabulary = measure("x y x a b c a", 0.72);
        double forward = 7 / (1 + 0.25 / 0.28);
        double backward = 7 / 1.0;

        assertThat(vocabulary.mtld().orElseThrow()).isCloseTo((forward + backward) / 2, within(1e-9));
    }

    @Test
    void mtldIsEmptyWhenNoWordRepeats() {
        assertThat(measure("every word here differs", 0.72).mtld()).isEmpty();
    }

    @Test
    void aHigherThresholdEndsFactorsSooner() {
        String text = "one two one three two one four five one two";

        assertThat(measure(text, 0.9).mtld().orElseThrow())
                .isLessThan(measure(text, 0.5).mtld().orElseThrow());
    }

    private static Vocabulary measure(String text, double threshold) {
        WordTokens words = WordTokens.of(text);
        return LexicalDiversity.measure(WordTypes.of(words), words.wordCount(), threshold);
    }
}
