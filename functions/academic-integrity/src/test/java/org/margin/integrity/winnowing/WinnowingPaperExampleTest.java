package org.margin.integrity.winnowing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.integrity.text.NormalisedText;
import org.margin.integrity.text.Normaliser;
import org.margin.integrity.text.Units;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The worked example of Schleimer, Wilkerson and Aiken (2003), Fig. 1, from the shared reference data. */
class WinnowingPaperExampleTest {

    private static JsonNode example;

    @BeforeAll
    static void readTheExample() throws IOException {
        String folder = System.getProperty("margin.reference.data");
        if (folder == null) {
            throw new IllegalStateException("system property margin.reference.data is not set; the parent POM "
                    + "sets it to ../shared/data beside the repository");
        }
        Path file = Path.of(folder, "integrity", "winnowing_paper_example.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("reference file " + file + " is absent; margin.reference.data must "
                    + "name the shared reference data folder");
        }
        example = JsonMapper.builder().build().readTree(Files.readString(file));
    }

    @Test
    void theTextNormalisesAsInThePaper() {
        NormalisedText units = characters().normalise(example.path("text").asString());

        StringBuilder normalised = new StringBuilder();
        for (int i = 0; i < units.length(); i++) {
            normalised.appendCodePoint((int) units.code(i));
        }
        assertThat(normalised.toString()).isEqualTo(example.path("normalized").asString());
    }

    @Test
    void theKGramsAreThePapers() {
        String text = example.path("text").asString();
        NormalisedText units = characters().normalise(text);
        int k = example.path("k").asInt();

        List<String> kgrams = new ArrayList<>();
        for (int start = 0; start + k <= units.length(); start++) {
            StringBuilder kgram = new StringBuilder();
            for (int unit = start; unit < start + k; unit++) {
                kgram.append(text, units.start(unit), units.end(unit));
            }
            kgrams.add(kgram.toString().toLowerCase(java.util.Locale.ROOT));
        }
        assertThat(kgrams).containsExactlyElementsOf(strings(example.path("kgrams")));
        assertThat(KGramHashes.of(units, k)).hasSize(kgrams.size());
    }

    @Test
    void winnowingThePapersHashesGivesItsFingerprints() {
        long[] hashes = example.path("hashes").valueStream().mapToLong(JsonNode::asLong).toArray();
        int[] selected = new int[hashes.length];

        int count = Winnower.select(hashes, example.path("w").asInt(), selected);

        List<List<Long>> fingerprints = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fingerprints.add(List.of(hashes[selected[i]], (long) selected[i]));
        }
        List<List<Long>> expected = new ArrayList<>();
        for (JsonNode pair : example.path("winnowing_fingerprints_[hash,pos]")) {
            expected.add(List.of(pair.get(0).asLong(), pair.get(1).asLong()));
        }
        assertThat(expected).isNotEmpty();
        assertThat(fingerprints).isEqualTo(expected);
    }

    private static Normaliser characters() {
        return new Normaliser(Units.CHARACTERS, false);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }
}
