package org.margin.privacy.pii.institution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.PiiDetector;

class InstitutionIdRecognizerTest {

    private static final PiiDetector LINCOLN_HIGH = PiiDetector.builder()
            .institutionIds(List.of(
                    InstitutionIdRule.of("student-id", "LHS-#{6}", "student id"),
                    InstitutionIdRule.of("staff-id", "#{5}", "staff number", "employee id")))
            .build();
    private static final PiiDetector RIVERSIDE = PiiDetector.builder()
            .institutionIds(List.of(InstitutionIdRule.of("student-id", "R@@#{4}")))
            .build();

    @Test
    void eachInstitutionFindsItsOwnIds() {
        String text = "Ids: LHS-123456 and RAB1234.";
        assertThat(values(LINCOLN_HIGH, text)).containsExactly("LHS-123456");
        assertThat(values(RIVERSIDE, text)).containsExactly("RAB1234");
        assertThat(values(PiiDetector.standard(), text)).isEmpty();
    }

    @Test
    void aBareDigitPatternNeedsOneOfItsCues() {
        assertThat(values(LINCOLN_HIGH, "We sold 48213 tickets.")).isEmpty();
        assertThat(values(LINCOLN_HIGH, "My staff number is 48213.")).containsExactly("48213");
    }

    @Test
    void theRuleLabelIsRecordedOnTheFinding() {
        Finding finding = LINCOLN_HIGH.detect("student id LHS-123456").getFirst();
        assertThat(finding.type()).isEqualTo(EntityType.INSTITUTION_ID);
        assertThat(finding.recognizer()).isEqualTo("institution-id:student-id");
    }

    private static List<String> values(PiiDetector detector, String text) {
        return detector.detect(text).stream()
                .filter(finding -> finding.type() == EntityType.INSTITUTION_ID)
                .map(finding -> finding.value(text)).toList();
    }
}
