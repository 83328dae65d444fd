package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZipCodeRecognizerTest {

    private final ZipCodeRecognizer recognizer = new ZipCodeRecognizer();

    @Test
    void afterACueAcceptsTheCommonShapes() {
        assertThat(Recognized.values(recognizer, "ZIP: 75534-030")).containsExactly("75534-030");
        assertThat(Recognized.values(recognizer, "postcode 7412 SL")).containsExactly("7412 SL");
        assertThat(Recognized.values(recognizer, "my zip code is 394 13")).containsExactly("394 13");
    }

    @Test
    void withoutACueOnlyDistinctShapes() {
        assertThat(Recognized.values(recognizer, "Send it to London SW1A 1AA or Ottawa K1A 0B1, Springfield, IL 62704"))
                .containsExactly("SW1A 1AA", "K1A 0B1", "62704");
        assertThat(Recognized.values(recognizer, "We had 62704 visitors")).isEmpty();
    }

    @Test
    void aBareZipInASentenceAboutMailOrHomeCounts() {
        assertThat(Recognized.values(recognizer, "Please ship the box to Fairview 60614 by Friday."))
                .containsExactly("60614");
        assertThat(Recognized.values(recognizer, "We moved to a quiet town, 45402-1234, last spring."))
                .containsExactly("45402-1234");
        assertThat(Recognized.values(recognizer, "Send me 25000 dollars. The stadium holds 45000.")).isEmpty();
    }

    @Test
    void aCueAfterTheNumberOrASentenceNamingItCounts() {
        assertThat(Recognized.values(recognizer, "Our school is in the 60614 zip code.")).containsExactly("60614");
        assertThat(Recognized.values(recognizer, "The zip code for my grandma's town is 45402."))
                .containsExactly("45402");
        assertThat(Recognized.values(recognizer, "The zip code for my grandma's town changed. It is 45402."))
                .isEmpty();
        assertThat(Recognized.values(recognizer, "The score for my team's game is 45402.")).isEmpty();
    }

    @Test
    void aCodeThatClosesATownAfterAPrepositionOfPlace() {
        assertThat(Recognized.values(recognizer, "I was born in Luby 505 58 but we moved."))
                .containsExactly("505 58");
        assertThat(Recognized.values(recognizer, "The museum is in Burdur, New Jersey 21078."))
                .containsExactly("21078");
        assertThat(Recognized.values(recognizer, "the museum is in uniejów, śląskie 43-795."))
                .containsExactly("43-795");
        assertThat(Recognized.values(recognizer, "The shelter is in Bedõszállás (6053).")).containsExactly("6053");
        assertThat(Recognized.values(recognizer, "The return address on the letter said Lilleøy, 0407."))
                .containsExactly("0407");
    }

    @Test
    void aCodeBeforeATownAfterAPrepositionOfPlace() {
        assertThat(Recognized.values(recognizer, "My pen pal lives in 2815 Nagy Zajzon, Hungary."))
                .containsExactly("2815");
        assertThat(Recognized.values(recognizer, "my pen pal lives in 68867 samuelburg, falkland islands."))
                .containsExactly("68867");
        assertThat(Recognized.values(recognizer, "Everyone in 46520, even the mayor, got a letter."))
                .containsExactly("46520");
    }

    @Test
    void yearsCountsRoomsHouseNumbersAndEarlierCuesAreNotCodes() {
        assertThat(Recognized.values(recognizer, "We went to Paris 2024 and lived in Rome 1999.")).isEmpty();
        assertThat(Recognized.values(recognizer, "It happened in 10000 years, in Room 1204, on Flight 2841."))
                .isEmpty();
        assertThat(Recognized.values(recognizer, "We moved to 5764 Viela Ana. Our old house was on Na Valech 368."))
                .isEmpty();
        assertThat(Recognized.values(recognizer, "Her postcode is 51517 and her street is 42404 Sirbu Brook."))
                .containsExactly("51517");
    }
}
