package org.margin.privacy.pii.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.PiiDetector;

/**
 * The detector on 45 sentences written for this check in the style of student essays, none of them drawn from the
 * reference dataset or written while its rules were developed: planted personal data among places, books, brands
 * and school subjects. The floors are what the detector reached when the set was written, a guard against
 * regressions, not targets to tune towards.
 */
class EssayDatasetTest {

    private static final String RESOURCE = "essay-pii.json";

    private static EvaluationResult result;

    @BeforeAll
    static void evaluate() throws IOException, URISyntaxException {
        List<LabelledText> texts = DatasetReader.read(Path.of(EssayDatasetTest.class.getResource(RESOURCE).toURI()));
        assertThat(texts).hasSize(45);
        result = new Evaluation(PiiDetector.standard()).run(texts, MatchingRule.COVERAGE);
    }

    @Test
    void overallFTwoStaysAtLeastEightyFive() {
        assertThat(result.overall().f2()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void everyStructuredIdentifierIsFound() {
        SoftAssertions softly = new SoftAssertions();
        for (String label : List.of("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "IBAN_CODE", "IP_ADDRESS",
                "STREET_ADDRESS")) {
            softly.assertThat(result.label(label).recall()).as(label + " recall").isEqualTo(1.0);
        }
        softly.assertAll();
    }

    @Test
    void namesKeepRecallNinetyAndPrecisionSeventy() {
        Tally person = result.label("PERSON");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(person.recall()).as("PERSON recall").isGreaterThanOrEqualTo(0.90);
        softly.assertThat(person.precision()).as("PERSON precision").isGreaterThanOrEqualTo(0.70);
        softly.assertAll();
    }
}
