package org.margin.analysis.sentences;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentencesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The cat sat down. The dog ran off! Did the bird fly away?|3",
            "One long sentence without any end mark at all|1",
            "Too short. Also short. No.|1",
            "Mr. Smith went home. Dr. Jones stayed late.|2",
            "Playing ... games has always been fun.|1",
            "It costs 3.5 dollars today. That is a good price.|3",
            "Wait... what did you say?!? I said nothing at all.|2",
            "...|1"})
    void countsSentencesOfMoreThanTwoWords(String text, int expected) {
        assertThat(Sentences.of(text).count()).isEqualTo(expected);
    }

    @Test
    void eachSentenceTakesTheShortFragmentsBeforeIt() {
        String text = "Mr. Smith went home. Then Dr. Jones arrived late. Bye.";
        Sentences sentences = Sentences.of(text);

        assertThat(sentences.count()).isEqualTo(2);
        assertThat(sentences.boundaryAfter(0)).isEqualTo(text.indexOf("home.") + 5);
    }

    @Test
    void sentencesInQuotationMarksCount() {
        assertThat(Sentences.of("\"Quoted sentence one here.\" 'Quoted sentence two here.'").count()).isEqualTo(2);
    }

    @Test
    void boundariesFallRightAfterTheTerminators() {
        String text = "First sentence is here!! Second sentence is here.";
        Sentences sentences = Sentences.of(text);

        assertThat(sentences.boundaryAfter(0)).isEqualTo(text.indexOf("!!") + 2);
    }
}
