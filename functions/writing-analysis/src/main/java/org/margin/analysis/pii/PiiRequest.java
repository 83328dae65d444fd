package org.margin.analysis.pii;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.margin.analysis.WritingAnalyzer;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.PiiDetector;
import org.margin.privacy.pii.institution.IdPattern;
import org.margin.privacy.pii.institution.IdPatternParse;
import org.margin.privacy.pii.institution.InstitutionIdRule;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a {@code detect_pii} or {@code redact_pii} call asks for.
 *
 * @param types          the kinds of personal data wanted; every kind when the caller named none
 * @param minScore       the lowest score reported
 * @param institutionIds the school's own id shapes
 */
record PiiRequest(String text, Set<EntityType> types, double minScore, List<InstitutionIdRule> institutionIds) {

    /** The outcome of reading a call's arguments. */
    sealed interface Read {
    }

    record Accepted(PiiRequest request) implements Read {
    }

    /** @param message what is wrong, in words for the caller; it never quotes the text */
    record Refused(String message) implements Read {
    }

    /**
     * Reads arguments that the input schema has already checked for shape (types, ranges, the closed set of entity
     * types); what a schema cannot say (blank or too long a text, an id pattern that does not parse) is refused here.
     */
    static Read read(ObjectNode arguments) {
        String text = arguments.path("text").asString("");
        if (text.isBlank()) {
            return new Refused("The text is empty or only white space; send the text to scan.");
        }
        if (text.length() > WritingAnalyzer.MAX_TEXT_CHARACTERS) {
            int characters = text.codePointCount(0, text.length());
            if (characters > WritingAnalyzer.MAX_TEXT_CHARACTERS) {
                return new Refused("The text has " + characters + " characters, more than the "
                        + WritingAnalyzer.MAX_TEXT_CHARACTERS + " that can be scanned at once; scan it in parts.");
            }
        }
        Set<EntityType> types = EnumSet.allOf(EntityType.class);
        JsonNode named = arguments.path("entityTypes");
        if (named.isArray()) {
            types = EnumSet.noneOf(EntityType.class);
            for (JsonNode type : named) {
                types.add(EntityType.valueOf(type.asString()));
            }
        }
        double minScore = arguments.path("minScore").asDouble(PiiDetector.DEFAULT_MIN_SCORE);
        List<InstitutionIdRule> rules = new ArrayList<>();
        JsonNode institutionIds = arguments.path("institutionIds");
        for (int i = 0; i < institutionIds.size(); i++) {
            JsonNode rule = institutionIds.get(i);
            switch (IdPattern.parse(rule.path("pattern").asString())) {
                case IdPatternParse.Valid valid -> rules.add(new InstitutionIdRule(rule.path("label").asString(),
                        valid.pattern(), cues(rule.path("cues"))));
                case IdPatternParse.Invalid invalid -> {
                    return new Refused("institutionIds/" + i + "/pattern is not a valid id pattern: "
                            + invalid.reason() + " (at character " + invalid.position() + ").");
                }
            }
        }
        return new Accepted(new PiiRequest(text, types, minScore, rules));
    }

    private static List<String> cues(JsonNode cues) {
        List<String> words = new ArrayList<>(cues.size());
        for (JsonNode cue : cues) {
            words.add(cue.asString());
        }
        return words;
    }
}
