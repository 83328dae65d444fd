package org.margin.analysis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CharacterClassesTest {

    @ParameterizedTest
    @ValueSource(ints = {'a', 'Z', '7', '_', 'é', 'ß', 'Ж', '中', '²', 'Ⅻ', 0x1D400})
    void lettersNumbersAndUnderscoreAreWordCharacters(int codePoint) {
        assertThat(CharacterClasses.isWordCharacter(codePoint)).isTrue();
        assertThat(CharacterClasses.isSpace(codePoint)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {'\'', '-', '.', '&', '"', 0x2019, 0x0301, 0x1F600, 0xD800, ' '})
    void punctuationMarksSymbolsAndSurrogatesAreNot(int codePoint) {
        assertThat(CharacterClasses.isWordCharacter(codePoint)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {' ', '\t', '\n', 0x0B, '\f', '\r', 0x1C, 0x1F, 0x85, 0xA0, 0x2007, 0x2028, 0x2029, 0x202F, 0x3000})
    void whiteSpaceIncludesNoBreakSpacesAndSeparators(int codePoint) {
        assertThat(CharacterClasses.isSpace(codePoint)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {0x200B, 0x180E, 0x00, 'x', '.'})
    void zeroWidthAndOtherCharactersAreNotWhiteSpace(int codePoint) {
        assertThat(CharacterClasses.isSpace(codePoint)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t", "\u00A0\u3000"})
    void blankTexts(String text) {
        assertThat(CharacterClasses.isBlank(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " . ", "\u200B"})
    void nonBlankTexts(String text) {
        assertThat(CharacterClasses.isBlank(text)).isFalse();
    }
}
