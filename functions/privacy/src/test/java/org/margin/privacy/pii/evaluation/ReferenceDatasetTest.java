package org.margin.privacy.pii.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.PiiDetector;

/**
 * The detector against the team's reference dataset, under the coverage rule, on the whole file. The targets are
 * the product's; this test states them and does not bend them.
 */
class ReferenceDatasetTest {

    private static final String PROPERTY = "margin.reference.data";
    private static final String FILE = "presidio/synth_dataset_v2.json";

    private static EvaluationResult whole;

    @BeforeAll
    static void evaluate() throws IOException {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || folder.isBlank()) {
            fail("system property " + PROPERTY + " is not set; it names the shared reference data folder (surefire "
                    + "passes it from the parent POM)");
        }
        Path file = Path.of(folder).resolve(FILE);
        if (!Files.isReadable(file)) {
            fail("the reference dataset is missing: " + file + " (from system property " + PROPERTY + ")");
        }
        List<LabelledText> texts = DatasetReader.read(file);
        assertThat(texts).hasSize(1500);
        whole = new Evaluation(PiiDetector.standard()).run(texts, MatchingRule.COVERAGE);
    }

    @Test
    void overallFTwoOverTheClaimedLabelsIsAtLeastNinety() {
        assertThat(whole.overall().f2()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void structuredIdentifiersAreFoundAtLeastNinetyFivePercentOfTheTime() {
        SoftAssertions softly = new SoftAssertions();
        for (String label : List.of("EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "IBAN_CODE", "IP_ADDRESS")) {
            softly.assertThat(whole.label(label).recall()).as(label + " recall").isGreaterThanOrEqualTo(0.95);
        }
        softly.assertAll();
    }

    @Test
    void namesAreFoundWithRecallNinetyAndPrecisionEighty() {
        Tally person = whole.label("PERSON");
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(person.recall()).as("PERSON recall").isGreaterThanOrEqualTo(0.90);
        softly.assertThat(person.precision()).as("PERSON precision").isGreaterThanOrEqualTo(0.80);
        softly.assertAll();
    }
}
