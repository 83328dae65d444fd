package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsDriverLicenseRecognizerTest {

    private final UsDriverLicenseRecognizer recognizer = new UsDriverLicenseRecognizer();

    @Test
    void findsCodesShortlyAfterACue() {
        assertThat(Recognized.values(recognizer, "My driver's license number is F162823540116"))
                .containsExactly("F162823540116");
        assertThat(Recognized.values(recognizer, "DL 2270-66-1551 expires")).containsExactly("2270-66-1551");
    }

    @Test
    void theSameCodeWithoutACueIsNotReported() {
        assertThat(Recognized.values(recognizer, "Ticket F162823540116 is valid")).isEmpty();
    }
}
