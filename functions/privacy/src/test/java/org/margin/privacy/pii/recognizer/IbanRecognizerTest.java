package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IbanRecognizerTest {

    private final IbanRecognizer recognizer = new IbanRecognizer();

    @Test
    void findsIbansWithOrWithoutSpacesInEitherCase() {
        String text = "Pay GB82 WEST 1234 5698 7654 32 or DE89370400440532013000, also gb82west12345698765432.";
        assertThat(Recognized.values(recognizer, text))
                .containsExactly("GB82 WEST 1234 5698 7654 32", "DE89370400440532013000", "gb82west12345698765432");
    }

    @Test
    void findsTheShortestRegisteredLength() {
        assertThat(Recognized.values(recognizer, "NO9386011117947")).containsExactly("NO9386011117947");
    }

    @Test
    void rejectsWrongChecksumsWrongLengthsAndUnknownCountries() {
        assertThat(Recognized.values(recognizer,
                "GB83WEST12345698765432 GB82WEST1234569876543 QQ82WEST12345698765432")).isEmpty();
    }
}
