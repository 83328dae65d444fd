package org.margin.privacy.pii.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordSetTest {

    @Test
    void looksUpRangesIgnoringCaseAndCurlyApostrophes() {
        WordSet set = WordSet.of("o'brien", "müller", "new york");
        assertThat(set.contains("Mr O\u2019Brien spoke", 3, 10)).isTrue();
        assertThat(set.contains("MÜLLER")).isTrue();
        assertThat(set.contains("in New York today", 3, 11)).isTrue();
        assertThat(set.contains("mueller")).isFalse();
        assertThat(set.contains("", 0, 0)).isFalse();
    }

    @Test
    void looksUpLatinLettersWithOrWithoutTheirDiacritics() {
        WordSet set = WordSet.of("sofia", "jørgen", "hoàng", "łukasz");
        assertThat(set.contains("Sofía")).isTrue();
        assertThat(set.contains("Jorgen")).isTrue();
        assertThat(set.contains("HOANG")).isTrue();
        assertThat(set.contains("Lukasz")).isTrue();
        assertThat(set.contains("Sofie")).isFalse();
        assertThat(WordSet.of("ивана").contains("Ивана")).as("other scripts only lower-cased").isTrue();
    }

    @Test
    void readsAGzipResourceAndCollapsesDuplicates() {
        WordSet set = WordSet.fromGzipResource(WordSetTest.class, "/org/margin/privacy/pii/gazetteer/nations.txt.gz");
        assertThat(set.contains("France")).isTrue();
        assertThat(set.contains("Narnia")).isFalse();
        assertThat(WordSet.of("a", "A", "b").size()).isEqualTo(3);
    }
}
