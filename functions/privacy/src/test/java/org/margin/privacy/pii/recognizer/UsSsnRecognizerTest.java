package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsSsnRecognizerTest {

    private final UsSsnRecognizer recognizer = new UsSsnRecognizer();

    @Test
    void findsSeparatedNumbersAndBareOnesAfterACue() {
        assertThat(Recognized.values(recognizer, "His social security number is 853-37-1694.")).containsExactly("853-37-1694");
        assertThat(Recognized.values(recognizer, "an id like 474 49 7577 here")).containsExactly("474 49 7577");
        assertThat(Recognized.values(recognizer, "my SSN: 474497577")).containsExactly("474497577");
    }

    @Test
    void aBareNineDigitNumberWithoutACueIsNotAnSsn() {
        assertThat(Recognized.values(recognizer, "order number 474497577 shipped")).isEmpty();
    }

    @Test
    void rejectsNumbersTheAdministrationNeverIssues() {
        String text = "SSN 000-12-3456, SSN 666-12-3456, SSN 912-34-5678, SSN 123-00-4567, SSN 123-45-0000, "
                + "SSN 078-05-1120, SSN 219-09-9999, SSN 123-45-6789, SSN 111-11-1111";
        assertThat(Recognized.values(recognizer, text)).isEmpty();
    }

    @Test
    void rejectsOtherGroupingsAndLongerNumbers() {
        assertThat(Recognized.values(recognizer, "SSN 8533-7-1694 or 853-37-16945 or 1853-37-1694")).isEmpty();
    }
}
