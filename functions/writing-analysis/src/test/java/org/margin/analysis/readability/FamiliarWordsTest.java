package org.margin.analysis.readability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FamiliarWordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "family", "together", "favorite", "don't", "puzzle"})
    void familiarWords(String word) {
        assertThat(FamiliarWords.contains(word.toCharArray(), 0, word.length())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"medium", "puzzles", "anna", "500", "Family", ""})
    void unfamiliarWordsIncludingInflectionsAndNames(String word) {
        assertThat(FamiliarWords.contains(word.toCharArray(), 0, word.length())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = 2942)
    void holdsTheWholeList(int size) {
        assertThat(FamiliarWords.size()).isEqualTo(size);
    }
}
