package org.margin.privacy.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;

class RedactorTest {

    private static final String TEXT = "Maya met Jonah.\nMaya called 555-0134.";
    private static final List<Finding> FINDINGS = List.of(
            new Finding(0, 4, EntityType.PERSON, 0.8, "person"),
            new Finding(9, 14, EntityType.PERSON, 0.8, "person"),
            new Finding(16, 20, EntityType.PERSON, 0.8, "person"),
            new Finding(28, 36, EntityType.PHONE_NUMBER, 0.8, "phone-number"));

    @Test
    void masksEachCharacter() {
        assertThat(Redactor.redact(TEXT, FINDINGS, new RedactionMode.Mask('*')).text())
                .isEqualTo("**** met *****.\n**** called ********.");
    }

    @Test
    void masksACodePointOnceAndKeepsLineBreaks() {
        String text = "\uD83D\uDE00x\ny";
        Finding all = new Finding(0, text.length(), EntityType.PERSON, 0.8, "person");
        assertThat(Redactor.redact(text, List.of(all), RedactionMode.mask()).text()).isEqualTo("\u2588\u2588\n\u2588");
    }

    @Test
    void replacesWithAFixedMaskOrTheTypeTag() {
        assertThat(Redactor.redact(TEXT, FINDINGS, new RedactionMode.FixedMask("[redacted]")).text())
                .isEqualTo("[redacted] met [redacted].\n[redacted] called [redacted].");
        assertThat(Redactor.redact(TEXT, FINDINGS, new RedactionMode.TypeTag()).text())
                .isEqualTo("<PERSON> met <PERSON>.\n<PERSON> called <PHONE_NUMBER>.");
    }

    @Test
    void givesTheSameValueTheSamePseudonymWithinADocument() {
        PseudonymTable table = new PseudonymTable();
        RedactedText first = Redactor.redact(TEXT, FINDINGS, new RedactionMode.Pseudonym(table));
        assertThat(first.text()).isEqualTo("PERSON_1 met PERSON_2.\nPERSON_1 called PHONE_NUMBER_1.");
        String more = "Later  MAYA  wrote.";
        RedactedText second = Redactor.redact(more, List.of(new Finding(7, 11, EntityType.PERSON, 0.8, "person")),
                new RedactionMode.Pseudonym(table));
        assertThat(second.text()).isEqualTo("Later  PERSON_1  wrote.");
        assertThat(Redactor.redact(more, List.of(new Finding(7, 11, EntityType.PERSON, 0.8, "person")),
                RedactionMode.pseudonymForNewDocument()).text()).isEqualTo("Later  PERSON_1  wrote.");
    }

    @Test
    void recordsWhereEachReplacementLies() {
        RedactedText redacted = Redactor.redact(TEXT, FINDINGS, new RedactionMode.TypeTag());
        assertThat(redacted.replacements()).hasSize(4).allSatisfy(replacement -> assertThat(
                redacted.text().substring(replacement.redactedStart(), replacement.redactedEnd()))
                .isEqualTo("<" + replacement.type() + ">"));
        assertThat(redacted.replacements().getLast().originalStart()).isEqualTo(28);
    }

    @Test
    void refusesOverlappingOrOutOfRangeFindings() {
        List<Finding> overlapping = List.of(new Finding(0, 5, EntityType.PERSON, 0.8, "person"),
                new Finding(4, 8, EntityType.PERSON, 0.8, "person"));
        assertThatThrownBy(() -> Redactor.redact(TEXT, overlapping, new RedactionMode.TypeTag()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Redactor.redact("short", List.of(new Finding(2, 9, EntityType.PERSON, 0.8, "p")),
                new RedactionMode.TypeTag())).isInstanceOf(IllegalArgumentException.class);
    }
}
