package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgeRecognizerTest {

    private final AgeRecognizer recognizer = new AgeRecognizer();

    @Test
    void findsAgesFromTheWordsAroundThem() {
        String text = "This 79 year old woman, my 9-year-old brother, aged 14, I just turned 10 and I'm 11.";
        assertThat(Recognized.values(recognizer, text)).containsExactly("79", "9", "14", "10", "11");
    }

    @Test
    void findsAgesWrittenInWords() {
        String text = "My sister is ten years old, my cousin a nine-year-old, Grandpa turned seventy-five, "
                + "Mia is twenty one. I'm eleven! The baby is one year old.";
        assertThat(Recognized.values(recognizer, text))
                .containsExactly("ten", "nine", "seventy-five", "twenty one", "eleven", "one");
    }

    @Test
    void aNumberInWordsWithoutACueOrOneAfterACueBeforeIsNotAnAge() {
        assertThat(Recognized.values(recognizer, "We saw three deer. It was my turn, one more page to turn. "
                + "I was one of them, and so was I, one. Ten of us were twelve minutes late.")).isEmpty();
    }

    @Test
    void aNumberAloneOrAQuantityIsNotAnAge() {
        assertThat(Recognized.values(recognizer, "I have 12 cats, I was 5 minutes late, page 33 of 200")).isEmpty();
    }

    @Test
    void rejectsImpossibleAges() {
        assertThat(Recognized.values(recognizer, "a 300 year old tree")).isEmpty();
    }

    @Test
    void aNumberWithALeadingZeroOrAPlusSignIsNotAnAge() {
        assertThat(Recognized.values(recognizer, "He wrote (030) 1234567. She is +44.")).isEmpty();
    }
}
