package org.margin.analysis.readability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReadabilityFormulasTest {

    private static final double EXACT = 1e-9;

    @Test
    void appliesEachFormula() {
        // 100 words, 5 sentences, 150 syllables, 10 polysyllables of which 4 unfamiliar, 30 unfamiliar words,
        // 420 letters, 450 characters over 104 tokens.
        WordDifficulty difficulty = new WordDifficulty(150, 10, 4, 30);
        Readability r = ReadabilityFormulas.score(100, 104, 5, 420, 450, difficulty);

        assertThat(r.fleschReadingEase()).isCloseTo(206.835 - 1.015 * 20 - 84.6 * 1.5, within(EXACT));
        assertThat(r.fleschKincaidGrade()).isCloseTo(0.39 * 20 + 11.8 * 1.5 - 15.59, within(EXACT));
        assertThat(r.gunningFog()).isCloseTo(0.4 * (20 + 4), within(EXACT));
        assertThat(r.smogIndex()).isCloseTo(1.043 * Math.sqrt(60) + 3.1291, within(EXACT));
        assertThat(r.colemanLiauIndex()).isCloseTo(0.058 * 420 - 0.296 * 5 - 15.8, within(EXACT));
        assertThat(r.automatedReadabilityIndex()).isCloseTo(4.71 * 450 / 104 + 0.5 * 20 - 21.43, within(EXACT));
        assertThat(r.daleChallScore()).isCloseTo(0.1579 * 30 + 0.0496 * 20 + 3.6365, within(EXACT));
    }

    @Test
    void daleChallAddsItsAdjustmentOnlyAboveFivePercentUnfamiliar() {
        WordDifficulty fivePercent = new WordDifficulty(100, 0, 0, 5);

        assertThat(ReadabilityFormulas.score(100, 100, 10, 400, 400, fivePercent).daleChallScore())
                .isCloseTo(0.1579 * 5 + 0.0496 * 10, within(EXACT));
    }

    @Test
    void scoresZeroWhereTextstatWould() {
        WordDifficulty silent = new WordDifficulty(0, 0, 0, 1);
        Readability r = ReadabilityFormulas.score(1, 1, 1, 3, 3, silent);

        assertThat(r.fleschReadingEase()).isZero();
        assertThat(r.fleschKincaidGrade()).isZero();
        assertThat(ReadabilityFormulas.score(0, 0, 1, 0, 0, silent))
                .isEqualTo(new Readability(0, 0, 0, 0, 0, 0, 0));
        assertThat(ReadabilityFormulas.score(1, 1, 1, 0, 1, silent).colemanLiauIndex()).isZero();
    }
}
