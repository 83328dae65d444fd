package org.margin.integrity.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class NormaliserTest {

    private static final Normaliser PROSE = new Normaliser(Units.WORDS, true);
    private static final Normaliser ALL_WORDS = new Normaliser(Units.WORDS, false);

    @Test
    void eachWordPointsBackToItsCharactersInTheOriginal() {
        String text = "  The Bees’ DANCE, it seems—tells others where flowers grow!";
        NormalisedText units = PROSE.normalise(text);

        assertThat(originals(text, units)).containsExactly("Bees", "DANCE", "seems", "tells", "others", "flowers",
                "grow");
    }

    @Test
    void caseStopWordsPunctuationAndInflectionsDoNotChangeTheCodes() {
        NormalisedText one = PROSE.normalise("Researchers argued that the bees were declining.");
        NormalisedText two = PROSE.normalise("researcher ARGUES: bees decline");

        assertThat(codes(one)).isEqualTo(codes(two));
    }

    @Test
    void stopWordsStayWhenAsked() {
        assertThat(ALL_WORDS.normalise("the bees of the meadow").length()).isEqualTo(5);
        assertThat(PROSE.normalise("the bees of the meadow").length()).isEqualTo(2);
    }

    @Test
    void charactersKeepLettersAndDigitsOnlyWithTheirOffsets() {
        String text = "A do, 9!";
        NormalisedText units = new Normaliser(Units.CHARACTERS, false).normalise(text);

        assertThat(originals(text, units)).containsExactly("A", "d", "o", "9");
    }

    @Property
    void offsetsAreOrderedAndInsideTheTextForAnyInput(@ForAll String text) {
        for (Normaliser normaliser : List.of(PROSE, ALL_WORDS, new Normaliser(Units.CHARACTERS, false))) {
            NormalisedText units = normaliser.normalise(text);
            int previousEnd = 0;
            for (int i = 0; i < units.length(); i++) {
                assertThat(units.start(i)).isGreaterThanOrEqualTo(previousEnd);
                assertThat(units.end(i)).isGreaterThan(units.start(i)).isLessThanOrEqualTo(text.length());
                previousEnd = units.end(i);
            }
        }
    }

    private static List<String> originals(String text, NormalisedText units) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < units.length(); i++) {
            words.add(text.substring(units.start(i), units.end(i)));
        }
        return words;
    }

    private static List<Long> codes(NormalisedText units) {
        List<Long> codes = new ArrayList<>();
        for (int i = 0; i < units.length(); i++) {
            codes.add(units.code(i));
        }
        return codes;
    }
}
