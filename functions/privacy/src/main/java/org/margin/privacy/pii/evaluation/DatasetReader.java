package org.margin.privacy.pii.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the reference format: a JSON array of {@code {full_text, spans: [{entity_type, start_position,
 * end_position}], template_id}} with end-exclusive offsets.
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    public static List<LabelledText> read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        if (!root.isArray()) {
            throw new IOException(file + " is not a JSON array of labelled texts");
        }
        List<LabelledText> texts = new ArrayList<>(root.size());
        for (JsonNode record : root) {
            String text = record.path("full_text").asText(null);
            if (text == null) {
                throw new IOException("a record of " + file + " has no full_text");
            }
            List<GoldSpan> spans = new ArrayList<>();
            for (JsonNode span : record.path("spans")) {
                int start = span.path("start_position").asInt(-1);
                int end = span.path("end_position").asInt(-1);
                if (start < 0 || end <= start || end > text.length()) {
                    throw new IOException("a span of " + file + " lies outside its text: " + span);
                }
                spans.add(new GoldSpan(span.path("entity_type").asText(), start, end));
            }
            texts.add(new LabelledText(text, spans, record.path("template_id").asInt(-1)));
        }
        return texts;
    }
}
