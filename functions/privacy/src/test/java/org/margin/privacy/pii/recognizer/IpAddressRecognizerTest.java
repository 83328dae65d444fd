package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressRecognizerTest {

    private final IpAddressRecognizer recognizer = new IpAddressRecognizer();

    @Test
    void findsIpv4AndTheIpv6TextForms() {
        String text = "blocked 172.61.42.192, then 6e40:4041:c617:e898:c11:40d2:c669:2eb4 and fe80::1 and ::ffff:10.0.0.1.";
        assertThat(Recognized.values(recognizer, text)).containsExactlyInAnyOrder(
                "172.61.42.192", "6e40:4041:c617:e898:c11:40d2:c669:2eb4", "fe80::1", "::ffff:10.0.0.1");
    }

    @Test
    void rejectsOutOfRangeFieldsVersionNumbersAndClockTimes() {
        assertThat(Recognized.values(recognizer,
                "version 1.2.3.4.5, score 256.1.1.1, at 12:30:45, a:b:c and 1:2:3:4:5:6:7:8:9")).isEmpty();
    }

    @Test
    void rejectsTwoCompressions() {
        assertThat(IpAddressRecognizer.isIpv6("1::2::3", 0, 7)).isFalse();
        assertThat(IpAddressRecognizer.isIpv6("1:2:3:4:5:6:7:8", 0, 15)).isTrue();
    }
}
