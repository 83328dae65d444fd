package org.margin.integrity.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.margin.integrity.similarity.SimilarityCheck;
import org.margin.integrity.winnowing.Winnowing;

/**
 * The labelled corpora in the repository's {@code tests/data}: the one the scoring was tuned on, and a held-out
 * one written on other topics and never tuned on. Copies of every kind must rank above independent answers.
 */
class SimilarityEvaluationTest {

    @ParameterizedTest
    @ValueSource(strings = {"similarity", "similarity-holdout"})
    void copiedAnswersScoreAboveIndependentOnes(String corpus) {
        List<SimilarityEvaluation.Scored> scored = SimilarityEvaluation.score(
                Path.of("..", "..", "tests", "data", corpus), new SimilarityCheck(Winnowing.prose()));

        List<Double> copied = scored.stream().filter(answer -> !answer.category().equals("non"))
                .map(SimilarityEvaluation.Scored::score).toList();
        List<Double> independent = scored.stream().filter(answer -> answer.category().equals("non"))
                .map(SimilarityEvaluation.Scored::score).toList();
        assertThat(copied).hasSize(15);
        assertThat(SimilarityEvaluation.auc(copied, independent)).isGreaterThanOrEqualTo(0.95);
    }
}
