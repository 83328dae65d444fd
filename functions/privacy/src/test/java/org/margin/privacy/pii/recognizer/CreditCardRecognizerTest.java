package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCardRecognizerTest {

    private final CreditCardRecognizer recognizer = new CreditCardRecognizer();

    @Test
    void findsLuhnValidNumbersOfKnownIssuersInAnyGrouping() {
        String text = "Visa 4111 1111 1111 1111, Amex 378282246310005, MC 5555-5555-5555-4444, JCB 213176828496175";
        assertThat(Recognized.values(recognizer, text))
                .containsExactly("4111 1111 1111 1111", "378282246310005", "5555-5555-5555-4444", "213176828496175");
    }

    @Test
    void aNumberFailingLuhnIsNotACard() {
        assertThat(Recognized.values(recognizer, "card 4111 1111 1111 1112")).isEmpty();
    }

    @Test
    void aLuhnValidNumberOfNoKnownIssuerNeedsACue() {
        String unknownIssuer = "9999999999999995";
        assertThat(Recognized.values(recognizer, "tracking " + unknownIssuer)).isEmpty();
        assertThat(Recognized.values(recognizer, "my card number is " + unknownIssuer)).containsExactly(unknownIssuer);
    }

    @Test
    void rejectsOddGroupingsAndNumbersInsideLongerOnes() {
        assertThat(Recognized.values(recognizer, "41 1111111 1111111 and 14111111111111111111")).isEmpty();
    }

    @Test
    void aNumberAfterAPlusSignIsDialledNotACard() {
        assertThat(Recognized.values(recognizer, "Call +4915112345678 today.")).isEmpty();
    }
}
