package org.margin.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The team's reference figures from Python textstat 0.7.11, read from the shared reference data folder that
 * the build passes as the system property {@value #PROPERTY}.
 */
record TextstatReference(String name, String text, JsonNode counts, JsonNode metrics, List<WordSyllables> words) {

    static final String PROPERTY = "margin.reference.data";
    static final String FILE = "textstat/expected_en_textstat_0.7.11.json";

    record WordSyllables(String word, int syllables, String source) {
    }

    static List<TextstatReference> load() throws Exception {
        String folder = System.getProperty(PROPERTY);
        if (folder == null || folder.isBlank()) {
            throw new IllegalStateException("System property " + PROPERTY + " is not set; it must name the shared"
                    + " reference data folder (the parent POM passes it to Surefire)");
        }
        Path file = Path.of(folder).resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Reference file " + file + " not found; " + PROPERTY + "=" + folder
                    + " must name the shared reference data folder that holds " + FILE);
        }
        JsonNode texts = JsonMapper.builder().build().readTree(file.toFile()).get("texts");
        List<TextstatReference> references = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : texts.properties()) {
            JsonNode reference = entry.getValue();
            List<WordSyllables> words = new ArrayList<>();
            for (JsonNode word : reference.get("per_word_syllables").values()) {
                words.add(new WordSyllables(word.get(0).asString(), word.get(1).intValue(), word.get(2).asString()));
            }
            references.add(new TextstatReference(entry.getKey(), reference.get("text").asString(),
                    reference.get("counts"), reference.get("metrics_unrounded"), words));
        }
        if (references.size() != 4) {
            throw new IllegalStateException(file + " should hold 4 texts, holds " + references.size());
        }
        return references;
    }

    int count(String name) {
        JsonNode value = counts.get(name);
        if (value == null) {
            throw new IllegalStateException(this.name + " has no count " + name);
        }
        return value.intValue();
    }

    double metric(String name) {
        JsonNode value = metrics.get(name);
        if (value == null) {
            throw new IllegalStateException(this.name + " has no metric " + name);
        }
        return value.doubleValue();
    }

    @Override
    public String toString() {
        return name;
    }
}
