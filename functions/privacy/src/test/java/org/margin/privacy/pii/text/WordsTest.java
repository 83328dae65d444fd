package org.margin.privacy.pii.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {

    @Test
    void splitsOnHyphensKeepsInnerApostrophesAndDropsPossessives() {
        assertThat(words("Jean-Luc O'Brien's dog, don't 42x")).containsExactly("Jean", "Luc", "O'Brien", "dog", "don't", "42x");
    }

    @Test
    void knowsSentenceStartsButNotAfterAnAbbreviation() {
        Words words = Words.of("Hi there. Mr. Smith came! \"Then\" Dr Who.\nNext");
        assertThat(words.isSentenceStart(0)).isTrue();
        assertThat(words.isSentenceStart(2)).isTrue();
        assertThat(words.isSentenceStart(3)).isFalse();
        assertThat(words.isSentenceStart(5)).isTrue();
        assertThat(words.isLineStart(8)).isTrue();
    }

    @Test
    void describesTheShapeOfEachWord() {
        Words words = Words.of("Maya NASA ipad 12 x9");
        assertThat(words.isCapitalized(0)).isTrue();
        assertThat(words.isAllUpper(1)).isTrue();
        assertThat(words.isCapitalized(1)).isFalse();
        assertThat(words.isAllLower(2)).isTrue();
        assertThat(words.isNumber(3)).isTrue();
        assertThat(words.hasDigit(4)).isTrue();
        assertThat(words.isAlphabetic(4)).isFalse();
    }

    @Test
    void findsWordsByOffset() {
        Words words = Words.of("one two three");
        assertThat(words.firstAtOrAfter(4)).isEqualTo(1);
        assertThat(words.firstAtOrAfter(5)).isEqualTo(2);
        assertThat(words.lastEndingAtOrBefore(7)).isEqualTo(1);
        assertThat(words.lastEndingAtOrBefore(2)).isEqualTo(-1);
    }

    private static List<String> words(String text) {
        Words words = Words.of(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.count(); i++) {
            out.add(text.substring(words.start(i), words.end(i)));
        }
        return out;
    }
}
