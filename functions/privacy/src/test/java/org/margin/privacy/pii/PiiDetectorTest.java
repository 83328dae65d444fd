package org.margin.privacy.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.institution.InstitutionIdRule;

class PiiDetectorTest {

    static final String ESSAY = """
            My Summer by Maya Lopez

            This summer I turned 12 years old. My mom said I could invite my best friend Jonah Whitfield to my \
            party on July 14, 2023. Jonah lives at 42 Maple Avenue, Springfield, IL 62704. If you want to come, \
            call me at (217) 555-0134 or email maya.lopez@example.com. My student id is S1234567.
            """;

    private final PiiDetector detector = PiiDetector.builder()
            .institutionIds(List.of(InstitutionIdRule.of("student-id", "S#{7}", "student id")))
            .build();

    @Test
    void findsEveryKindOfPlantedDataInAnEssay() {
        Map<EntityType, List<String>> found = detector.detect(ESSAY).stream().collect(Collectors.groupingBy(
                Finding::type, Collectors.mapping(finding -> finding.value(ESSAY), Collectors.toList())));
        assertThat(found.get(EntityType.PERSON)).contains("Maya Lopez", "Jonah Whitfield", "Jonah");
        assertThat(found.get(EntityType.AGE)).containsExactly("12");
        assertThat(found.get(EntityType.DATE_TIME)).containsExactly("July 14, 2023");
        assertThat(found.get(EntityType.STREET_ADDRESS)).containsExactly("42 Maple Avenue, Springfield, IL 62704");
        assertThat(found.get(EntityType.PHONE_NUMBER)).containsExactly("(217) 555-0134");
        assertThat(found.get(EntityType.EMAIL_ADDRESS)).containsExactly("maya.lopez@example.com");
        assertThat(found.get(EntityType.INSTITUTION_ID)).containsExactly("S1234567");
    }

    @Test
    void findingsDoNotOverlapAndAreOrdered() {
        List<Finding> findings = detector.detect(ESSAY);
        for (int i = 1; i < findings.size(); i++) {
            assertThat(findings.get(i).start()).isGreaterThanOrEqualTo(findings.get(i - 1).end());
        }
    }

    @Test
    void theMinimumScoreFiltersFindings() {
        PiiDetector strict = PiiDetector.builder().minScore(0.9).build();
        assertThat(strict.detect(ESSAY)).allMatch(finding -> finding.score() >= 0.9)
                .hasSizeLessThan(detector.detect(ESSAY).size());
        assertThat(detector.candidates(ESSAY, 0.0).size()).isGreaterThan(detector.detect(ESSAY).size());
    }

    @Test
    void aTextWithoutPersonalDataYieldsNothing() {
        String text = "Photosynthesis turns light into chemical energy. Plants need water, air and sunlight to grow.";
        assertThat(detector.detect(text)).isEmpty();
    }
}
