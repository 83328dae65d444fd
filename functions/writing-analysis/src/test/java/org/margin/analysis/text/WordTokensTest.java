package org.margin.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WordTokensTest {

    @Test
    void normalisesWordsToLowerCaseWithoutPunctuation() {
        WordTokens tokens = WordTokens.of("Anna's Brother likes well-balanced T.V. shows, etc.");

        assertThat(words(tokens)).containsExactly("anna's", "brother", "likes", "wellbalanced", "tv", "shows", "etc");
    }

    @Test
    void keepsOnlyTheApostrophesOfLowerCaseContractions() {
        WordTokens tokens = WordTokens.of("don't it'll you're I'd we've DON'T 'quoted' Joneses' rock'n'roll");

        assertThat(words(tokens))
                .containsExactly("don't", "it'll", "you're", "i'd", "we've", "dont", "quoted", "joneses", "rocknroll");
    }

    @Test
    void curlyApostrophesAreDroppedLikeOtherPunctuation() {
        WordTokens tokens = WordTokens.of("don\u2019t");

        assertThat(words(tokens)).containsExactly("dont");
    }

    @Test
    void punctuationOnlyRunsAreTokensButNotWords() {
        WordTokens tokens = WordTokens.of("Playing ... games & puzzles -- 500 pieces!");

        assertThat(words(tokens)).containsExactly("playing", "games", "puzzles", "500", "pieces");
        assertThat(tokens.wordCount()).isEqualTo(5);
        assertThat(tokens.tokenCount()).isEqualTo(8);
    }

    @Test
    void countsWordCharactersAndNonSpaceCharacters() {
        WordTokens tokens = WordTokens.of("It's 2 a.m.\n");

        assertThat(tokens.letterCount()).isEqualTo(6);
        assertThat(tokens.characterCount()).isEqualTo(9);
    }

    @Test
    void recordsWhereEachWordStartsInTheText() {
        WordTokens tokens = WordTokens.of("  \"Hi,\" she said.");

        assertThat(tokens.sourceStart(0)).isEqualTo(2);
        assertThat(tokens.sourceStart(1)).isEqualTo(8);
        assertThat(tokens.sourceStart(2)).isEqualTo(12);
    }

    @Test
    void handlesLettersOutsideTheBasicPlaneAndCombiningMarks() {
        WordTokens tokens = WordTokens.of("\uD835\uDC00BC cafe\u0301 \uD83D\uDE00");

        assertThat(words(tokens)).containsExactly("\uD835\uDC00bc", "cafe");
        assertThat(tokens.letterCount()).isEqualTo(7);
        assertThat(tokens.characterCount()).isEqualTo(9);
        assertThat(tokens.tokenCount()).isEqualTo(3);
    }

    @Test
    void splitsOnEveryKindOfWhiteSpace() {
        WordTokens tokens = WordTokens.of("one\u00A0two\u2028three\u3000four\tfive");

        assertThat(words(tokens)).containsExactly("one", "two", "three", "four", "five");
    }

    private static List<String> words(WordTokens tokens) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < tokens.wordCount(); i++) {
            words.add(tokens.word(i));
        }
        return words;
    }
}
