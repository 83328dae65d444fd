package org.margin.analysis.lexicon.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.margin.analysis.lexicon.compile.JsLiteralsTest.bytes;

import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.margin.analysis.lexicon.WordTable;
import org.margin.analysis.syllables.HyphenationPatterns;
import org.margin.analysis.syllables.Hyphenator;

class SourceCompilersTest {

    @Test
    void cmuKeepsTheFirstPronunciationAndCountsStressDigits() {
        WordTable table = CmuSyllables.compile(bytes("""
                /** @type {{ [word: string]: string }} */
                export const dictionary = {
                  "fire": "F AY1 ER0",
                  "fire(2)": "F AY1 R",
                  "aalborg": "AO1 L B AO0 R G # place, danish",
                  "hmm": "HH M"
                }
                """));

        assertThat(table.get("fire")).isEqualTo(2);
        assertThat(table.get("fire(2)")).isEqualTo(WordTable.ABSENT);
        assertThat(table.get("aalborg")).isEqualTo(2);
        assertThat(table.get("hmm")).isZero();
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void cmuRefusesAWordWithoutPronunciation() {
        assertThatThrownBy(() -> CmuSyllables.compile(bytes("export const dictionary = { \"fire\": }")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pairs");
    }

    @Test
    void daleChallReadsEveryListedWord() {
        WordTable table = DaleChallWords.compile(bytes("export const daleChall = [\n  'a',\n  \"aren't\",\n  'zoo'\n]"));

        assertThat(table.size()).isEqualTo(3);
        assertThat(table.get("aren't")).isEqualTo(1);
        assertThat(table.get("zoo")).isEqualTo(1);
    }

    @Test
    void patternsKeepThePlainTexTableAndDropWhatFollows() {
        StringJoiner patterns = new StringJoiner(", ", "module.exports = { patterns: [", "], exceptions: ['ta-ble'] }");
        patterns.add("'1tion'").add("'hy3ph'").add("'he2n'").add("'hena4'").add("'hen5at'").add("'n2at'");
        for (int i = 6; i < 4446; i++) {
            patterns.add("'q" + (char) ('a' + i % 26) + (char) ('a' + i / 26 % 26) + (char) ('a' + i / 676) + "'");
        }
        patterns.add("'z4zy'").add("'en6at'");
        HyphenationPatterns compiled = PlainTexPatterns.compile(bytes(patterns.toString()));

        assertThat(compiled.size()).isEqualTo(4447);
        // hy3ph and hen5at give hy-phen-ation; the addition en6at, had it been kept, would give hy-phenation.
        assertThat(new Hyphenator(compiled).points("hyphenation".toCharArray(), 0, 11)).isEqualTo(2);
    }

    @Test
    void patternsRefuseAListThatDoesNotOpenWithThePlainTexTable() {
        assertThatThrownBy(() -> PlainTexPatterns.compile(bytes("x = { patterns: ['1tion', 'z4zy'] }")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("plain TeX");
    }
}
