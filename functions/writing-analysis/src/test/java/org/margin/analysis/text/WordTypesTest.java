package org.margin.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordTypesTest {

    @Test
    void givesEqualWordsTheSameIdInOrderOfFirstAppearance() {
        WordTokens words = WordTokens.of("The cat saw the other Cat. THE end");
        WordTypes types = WordTypes.of(words);

        assertThat(types.typeCount()).isEqualTo(5);
        assertThat(types.typeOf(0)).isZero();
        assertThat(types.typeOf(3)).isZero();
        assertThat(types.typeOf(6)).isZero();
        assertThat(types.typeOf(1)).isEqualTo(1).isEqualTo(types.typeOf(5));
        assertThat(types.typeOf(7)).isEqualTo(4);
        assertThat(words.word(types.firstOccurrence(4))).isEqualTo("end");
    }
}
