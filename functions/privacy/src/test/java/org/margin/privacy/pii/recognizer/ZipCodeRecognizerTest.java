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
}
