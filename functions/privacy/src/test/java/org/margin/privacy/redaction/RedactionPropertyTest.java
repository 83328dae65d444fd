package org.margin.privacy.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.pii.PiiDetector;

class RedactionPropertyTest {

    private static final PiiDetector DETECTOR = PiiDetector.standard();

    /**
     * What the redactor keeps of the original text holds none of the found values, and no replacement repeats
     * its value. (A replacement may contain a short value by chance, as PERSON_7 contains an age of 7.)
     */
    @Property(tries = 200)
    void redactedTextContainsNoneOfTheFoundValues(@ForAll("essays") String essay, @ForAll("modes") RedactionMode mode) {
        List<Finding> findings = DETECTOR.detect(essay);
        RedactedText redacted = Redactor.redact(essay, findings, mode);
        List<String> kept = new ArrayList<>();
        int keptFrom = 0;
        for (Replacement replacement : redacted.replacements()) {
            kept.add(redacted.text().substring(keptFrom, replacement.redactedStart()));
            keptFrom = replacement.redactedEnd();
        }
        kept.add(redacted.text().substring(keptFrom));
        for (int i = 0; i < findings.size(); i++) {
            String value = findings.get(i).value(essay);
            assertThat(kept).noneMatch(part -> part.contains(value));
            Replacement replacement = redacted.replacements().get(i);
            assertThat(redacted.text().substring(replacement.redactedStart(), replacement.redactedEnd()))
                    .isNotEqualTo(value);
        }
    }

    @Property(tries = 200)
    void pseudonymsAreConsistentWithinADocument(@ForAll("essays") String essay) {
        List<Finding> findings = DETECTOR.detect(essay);
        RedactedText redacted = Redactor.redact(essay, findings, RedactionMode.pseudonymForNewDocument());
        Map<String, String> pseudonymByValue = new HashMap<>();
        Map<String, String> valueByPseudonym = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            Replacement replacement = redacted.replacements().get(i);
            String value = finding.type() + ":" + PseudonymTable.normalise(finding.value(essay));
            String pseudonym = redacted.text().substring(replacement.redactedStart(), replacement.redactedEnd());
            assertThat(pseudonym).startsWith(finding.type().name() + "_");
            assertThat(pseudonymByValue.computeIfAbsent(value, ignored -> pseudonym)).isEqualTo(pseudonym);
            assertThat(valueByPseudonym.computeIfAbsent(pseudonym, ignored -> value)).isEqualTo(value);
        }
    }

    @Provide
    Arbitrary<RedactionMode> modes() {
        return Arbitraries.ofSuppliers(() -> new RedactionMode.Mask('*'), RedactionMode::mask,
                () -> new RedactionMode.FixedMask("[redacted]"), RedactionMode.TypeTag::new,
                RedactionMode::pseudonymForNewDocument);
    }

    @Provide
    Arbitrary<String> essays() {
        Arbitrary<String> filler = Arbitraries.of(
                "We went to the park after school.", "The weather was warm and sunny.",
                "My favourite subject is science.", "It was the best day of the summer!",
                "Then we ate ice cream by the lake.");
        Arbitrary<String> first = Arbitraries.of("Maya", "Jonah", "Aisha", "Mateo", "Zofia", "Liam", "Priya");
        Arbitrary<String> last = Arbitraries.of("Lopez", "Whitfield", "Kowalski", "Okafor", "Nguyen", "Schmidt");
        Arbitrary<String> sentence = Arbitraries.oneOf(
                filler,
                Combinators.combine(first, last).as((f, l) -> "My best friend is " + f + " " + l + "."),
                first.map(f -> "Yesterday " + f + " called me."),
                Arbitraries.integers().between(200, 989).map(n -> "Call me at (217) " + n + "-0134 tonight."),
                first.map(f -> "Email " + f.toLowerCase() + ".writes@example.com for the notes."),
                Arbitraries.integers().between(6, 17).map(n -> "I just turned " + n + " years old."),
                Arbitraries.integers().between(10, 9999).map(n -> "We live at " + n + " Maple Avenue."),
                Arbitraries.integers().between(1, 28).map(d -> "My birthday is March " + d + ", 2012."));
        return sentence.list().ofMinSize(1).ofMaxSize(12).map(sentences -> String.join(" ", sentences));
    }
}
