package org.margin.privacy.pii.recognizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreetAddressRecognizerTest {

    private final StreetAddressRecognizer recognizer = new StreetAddressRecognizer();

    @Test
    void findsEnglishAndEuropeanStreetLines() {
        assertThat(Recognized.values(recognizer, "I live at 2450 Crown St near the park.")).containsExactly("2450 Crown St");
        assertThat(Recognized.values(recognizer, "Meet at 56 rue La Boétie tonight")).containsExactly("56 rue La Boétie");
        assertThat(Recognized.values(recognizer, "She lives on Ziegelgasse 19 now")).containsExactly("Ziegelgasse 19");
        assertThat(Recognized.values(recognizer, "Deliver to ul. Grochowa 80 please")).containsExactly("ul. Grochowa 80");
    }

    @Test
    void followsUnitsPlacesAndPostalCodesOverLines() {
        String text = "Ken Fukuda\n\n3037 ul. Północna 73\n Apt. 946\n Suwałki\n\n Poland 11248\nMobile: 0490 39 07 81";
        assertThat(Recognized.values(recognizer, text))
                .containsExactly("3037 ul. Północna 73\n Apt. 946\n Suwałki\n\n Poland 11248");
        assertThat(Recognized.values(recognizer, "Send it to 123 Main Street, Springfield, IL 62704 today."))
                .containsExactly("123 Main Street, Springfield, IL 62704");
    }

    @Test
    void findsPostBoxesMilitaryAddressesAndCorners() {
        assertThat(Recognized.values(recognizer, "PSC 6477, Box 2981\nAPO AE 83700"))
                .containsExactly("PSC 6477, Box 2981\nAPO AE 83700");
        assertThat(Recognized.values(recognizer, "Write to P.O. Box 149 soon")).containsExactly("P.O. Box 149");
        assertThat(Recognized.values(recognizer, "It's in the corner of 35 Pentelis Str. and Waechter Turnpike"))
                .containsExactly("the corner of 35 Pentelis Str. and Waechter Turnpike");
    }

    @Test
    void anApartmentOrSuiteAloneIsPartOfAnAddressButARoomIsNot() {
        assertThat(Recognized.values(recognizer, "The parcel went to Suite 578 by mistake."))
                .containsExactly("Suite 578");
        assertThat(Recognized.values(recognizer, "Chemistry is taught in Room 12 after we finish Unit 4."))
                .isEmpty();
    }

    @Test
    void aNameAndANumberAfterAnAddressCueAreAStreet() {
        assertThat(Recognized.values(recognizer, "Trivo lives on Grössgstötten 50.")).containsExactly("Grössgstötten 50");
        assertThat(Recognized.values(recognizer, "Chapter Grössgstötten 50.")).isEmpty();
    }

    @Test
    void aTownAndItsPostalCodeAreNotAStreet() {
        assertThat(Recognized.values(recognizer, "The parcel is stuck in 450 41 Moravský Krumlov.")).isEmpty();
        assertThat(Recognized.values(recognizer, "The museum is in Czyżew, Pomorskie 16-635.")).isEmpty();
        assertThat(Recognized.values(recognizer, "My pen pal lives in 383 17 Strážnice, Zambia.")).isEmpty();
    }

    @Test
    void numbersAndCapitalisedWordsAloneAreNotAnAddress() {
        assertThat(Recognized.values(recognizer, "In 2010 Barack Obama won 52 states.")).isEmpty();
        assertThat(Recognized.values(recognizer, "See 5 Musicians Of The 70s You Hate.")).isEmpty();
        assertThat(Recognized.values(recognizer, "Meet me at 12 Oak St. the day after"))
                .containsExactly("12 Oak St.");
        assertThat(Recognized.values(recognizer, "I have 3 Cats and 2 Dogs.")).isEmpty();
    }

    @Test
    void aLowerCaseAddressKeepsItsTownStateAndPostalCode() {
        assertThat(Recognized.values(recognizer, "i live at 9335 kiehn street, east lavelle, ut 81373."))
                .containsExactly("9335 kiehn street, east lavelle, ut 81373");
        assertThat(Recognized.values(recognizer, "i live at 9335 kiehn street, and then we left."))
                .containsExactly("9335 kiehn street");
        assertThat(Recognized.values(recognizer, "please send it back to elinegata 44."))
                .containsExactly("elinegata 44");
    }

    @Test
    void aNameAndFiveDigitsIsAPlaceAndItsPostalCodeNotAStreet() {
        assertThat(Recognized.values(recognizer, "The address is Springfield, IL 62704-1234.")).isEmpty();
        assertThat(Recognized.values(recognizer, "I was born in Lyon 69001.")).isEmpty();
        assertThat(Recognized.values(recognizer, "She lives on Ziegelgasse 19 now")).containsExactly("Ziegelgasse 19");
    }

    @Test
    void aPluralStreetTypeCountsThingsUnlessCapitalised() {
        assertThat(Recognized.values(recognizer, "We moved to 763 Koch Groves last winter."))
                .containsExactly("763 Koch Groves");
        assertThat(Recognized.values(recognizer, "We scored 12345 points and the video got 2000 views.")).isEmpty();
    }
}
