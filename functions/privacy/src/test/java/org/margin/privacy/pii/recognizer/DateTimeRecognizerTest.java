package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.Finding;

class DateTimeRecognizerTest {

    private final DateTimeRecognizer recognizer = new DateTimeRecognizer();

    @Test
    void findsNumericNamedAndIsoDatesWithTimes() {
        String text = "Sent 2018-01-14 03:07:43, due 7/5/1981, party on March 5th, 2010 at 6:30 pm, "
                + "trip on 14 July 2019 and Thursday, June 3.";
        assertThat(Recognized.values(recognizer, text)).containsExactly("2018-01-14 03:07:43", "7/5/1981",
                "March 5th, 2010 at 6:30 pm", "14 July 2019", "Thursday, June 3");
    }

    @Test
    void aDateOfBirthScoresHigherThanAnyDate() {
        double plain = Recognized.findings(recognizer, "The trip is on 5/8/1989.").getFirst().score();
        double birth = Recognized.findings(recognizer, "She was born on 5/8/1989.").getFirst().score();
        assertThat(birth).isGreaterThan(plain);
    }

    @Test
    void yearsNeedACueAndImpossibleDatesAreRejected() {
        assertThat(Recognized.values(recognizer, "Founded in 1977, since 1980s")).containsExactly("1977", "1980s");
        assertThat(Recognized.values(recognizer, "I have 2019 stickers")).isEmpty();
        assertThat(Recognized.values(recognizer, "on 13/13/2020 or 2020-14-01")).isEmpty();
    }

    @Test
    void anAmbiguousMonthNameAloneIsNotADate() {
        assertThat(Recognized.findings(recognizer, "You may march on.")).map(Finding::type).isEmpty();
    }
}
