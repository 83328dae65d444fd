package org.margin.analysis.syllables;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.margin.analysis.lexicon.WordTable;

class SyllableCounterTest {

    private final SyllableCounter counter = new SyllableCounter();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "a, 1", "the, 1", "fire, 2", "every, 3", "family, 3", "sunglasses, 3", "interpersonal, 5",
            "etc, 4", "tv, 2", "didn't, 2", "it'll, 2", "anna's, 2", "aalborg, 2"})
    void takesTheFirstPronunciationOfDictionaryWords(String word, int syllables) {
        assertThat(count(word)).isEqualTo(syllables);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "singersongwriter, 4", "wellbalanced, 3", "nonthreatening, 4", "dweebs, 1", "shutoff, 2",
            "remove_punctuation, 5", "500, 1", "zyzzx, 2", "blorptastic, 3", "grommish, 2"})
    void hyphenatesWordsTheDictionaryLacks(String word, int syllables) {
        assertThat(PronouncingDictionary.syllables(word.toCharArray(), 0, word.length()))
                .isEqualTo(WordTable.ABSENT);
        assertThat(count(word)).isEqualTo(syllables);
    }

    @Test
    void theDictionaryAndPatternsLoadInFull() {
        assertThat(PronouncingDictionary.size()).isGreaterThan(125_000);
        assertThat(HyphenationPatterns.usEnglish().size()).isEqualTo(4447);
    }

    @Test
    void hyphenationKeepsTwoLettersAtEachEnd() {
        Hyphenator hyphenator = new Hyphenator(HyphenationPatterns.usEnglish());
        // Knuth's patterns break "hyphenation" as hy-phen-ation; a very long word still leaves two letters.
        assertThat(hyphenator.points("hyphenation".toCharArray(), 0, 11)).isEqualTo(2);
        assertThat(hyphenator.points("supercalifragilisticexpialidocious".toCharArray(), 0, 34)).isPositive();
        assertThat(hyphenator.points("a".toCharArray(), 0, 1)).isZero();
        assertThat(hyphenator.points("".toCharArray(), 0, 0)).isZero();
    }

    @Test
    void readsAWordInsideALargerArray() {
        char[] chars = "xxnonthreateningxx".toCharArray();

        assertThat(counter.count(chars, 2, 14)).isEqualTo(4);
    }

    private int count(String word) {
        return counter.count(word.toCharArray(), 0, word.length());
    }
}
