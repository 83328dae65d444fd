package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.EntityType;

class EmailRecognizerTest {

    private final EmailRecognizer recognizer = new EmailRecognizer();

    @Test
    void findsAddressesWithDotsPlusAndSubdomains() {
        String text = "Mail maya.lopez+school@mail.example.co.uk or ms_grey@lincoln-high.org.";
        assertThat(Recognized.values(recognizer, text))
                .containsExactly("maya.lopez+school@mail.example.co.uk", "ms_grey@lincoln-high.org");
        assertThat(Recognized.findings(recognizer, text)).allSatisfy(finding -> {
            assertThat(finding.type()).isEqualTo(EntityType.EMAIL_ADDRESS);
            assertThat(finding.recognizer()).isEqualTo("email");
        });
    }

    @Test
    void reportsUtf16OffsetsOfTheJavaString() {
        String text = "\uD83D\uDE00 write to a@b.io";
        assertThat(Recognized.findings(recognizer, text)).singleElement()
                .satisfies(finding -> assertThat(text.substring(finding.start(), finding.end())).isEqualTo("a@b.io"));
    }

    @Test
    void ignoresHandlesAndAddressesWithoutATopLevelDomain() {
        assertThat(Recognized.values(recognizer, "follow @maya and email me at maya@localhost or x@y.1")).isEmpty();
    }
}
