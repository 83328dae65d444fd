package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNumberRecognizerTest {

    private final PhoneNumberRecognizer recognizer = new PhoneNumberRecognizer(List.of("US", "GB"));

    @Test
    void findsValidNationalAndInternationalNumbers() {
        String text = "Office (202) 456-1414 or +44 20 7946 0958 or +41 (0)62 585 51 90.";
        assertThat(Recognized.values(recognizer, text))
                .containsExactly("(202) 456-1414", "+44 20 7946 0958", "+41 (0)62 585 51 90");
    }

    @Test
    void keepsExtensions() {
        assertThat(Recognized.values(recognizer, "Desk: +1-604-696-5272x565, fax 202-456-1414 ext. 12"))
                .containsExactly("+1-604-696-5272x565", "202-456-1414 ext. 12");
    }

    @Test
    void aShortLocalNumberNeedsAContextWord() {
        assertThat(Recognized.values(recognizer, "we scored 467 3395 points")).isEmpty();
        assertThat(Recognized.values(recognizer, "please call me at 467 3395")).containsExactly("467 3395");
        assertThat(Recognized.values(recognizer, "467 3395 is my cell")).containsExactly("467 3395");
    }

    @Test
    void leavesDatesDecimalsAndLongNumbersAlone() {
        assertThat(Recognized.values(recognizer,
                "phone on 14/01/2018 or 2018-01-14, pi is 3.1415926, id 12345678901234567890")).isEmpty();
    }

    @Test
    void readsUnusualSeparatorsAndAParenthesisedCountryCode() {
        assertThat(Recognized.values(recognizer, "Desk (+44) 20 7946 0958, office 202\u2013456\u20131414."))
                .containsExactly("(+44) 20 7946 0958", "202\u2013456\u20131414");
        assertThat(Recognized.values(recognizer, "Mobile 0176 - 123 456 78 or 040 / 1234567"))
                .containsExactly("0176 - 123 456 78", "040 / 1234567");
    }

    @Test
    void aNationalNumberWithItsTrunkPrefixCountsOnShape() {
        assertThat(Recognized.values(recognizer, "He wrote 0151 12345678 and (030) 1234567 on the board."))
                .containsExactly("0151 12345678", "(030) 1234567");
        assertThat(Recognized.values(recognizer, "The town grew between 1990 \u2013 2000.")).isEmpty();
    }

    @Test
    void aSlashAfterAWholeNumberStartsTheNext() {
        assertThat(Recognized.values(recognizer, "Numbers: 202-456-1414/202-456-1415 or 202-456-1416 / 202-456-1417"))
                .containsExactly("202-456-1414", "202-456-1415", "202-456-1416", "202-456-1417");
    }

    @Test
    void aNumberSaidToBeSomeonesIsAPhoneNumberInAnyNationalFormat() {
        assertThat(Recognized.values(recognizer, "my number is 57 82 69 93 but dont share it"))
                .containsExactly("57 82 69 93");
        assertThat(Recognized.values(recognizer, "My aunt's number changed to 48 10 92 07."))
                .containsExactly("48 10 92 07");
        assertThat(Recognized.values(recognizer, "We counted 48 10 92 07 and more.")).isEmpty();
    }

    @Test
    void aNumberThatCompletesAClauseAboutAPhoneIsOne() {
        assertThat(Recognized.values(recognizer, "The number for the library is 55 52 82 29."))
                .containsExactly("55 52 82 29");
        assertThat(Recognized.values(recognizer, "The phone in my grandma's kitchen was 2796 2318."))
                .containsExactly("2796 2318");
        assertThat(Recognized.values(recognizer, "The number of visitors last year was 1 234 567.")).isEmpty();
        assertThat(Recognized.values(recognizer, "The phone is 55 52 82 29 and 48 10 92 07 is its code."))
                .containsExactly("55 52 82 29");
    }
}
