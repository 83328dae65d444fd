package org.margin.analysis.tool;

import org.margin.analysis.WritingAnalysis;
import org.margin.analysis.readability.Readability;
import org.margin.analysis.sentences.RepeatedOpening;
import org.margin.analysis.sentences.SentenceVariety;
import org.margin.analysis.text.TextCounts;
import org.margin.analysis.vocabulary.Vocabulary;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An analysis as the tool's structured content, field by field (the output schema's shape), without reflection. */
final class AnalysisJson {

    private AnalysisJson() {
    }

    static ObjectNode of(WritingAnalysis.Completed analysis) {
        ObjectNode json = Json.object();
        analysis.counts().ifPresent(counts -> counts(json.putObject("counts"), counts));
        analysis.readability().ifPresent(readability -> readability(json.putObject("readability"), readability));
        analysis.vocabulary().ifPresent(vocabulary -> vocabulary(json.putObject("vocabulary"), vocabulary));
        analysis.sentenceVariety().ifPresent(variety -> variety(json.putObject("sentenceVariety"), variety));
        return json;
    }

    private static void counts(ObjectNode json, TextCounts counts) {
        json.put("words", counts.words());
        json.put("sentences", counts.sentences());
        json.put("paragraphs", counts.paragraphs());
        json.put("syllables", counts.syllables());
        json.put("polysyllables", counts.polysyllables());
        json.put("letters", counts.letters());
        json.put("characters", counts.characters());
    }

    private static void readability(ObjectNode json, Readability readability) {
        json.put("fleschReadingEase", readability.fleschReadingEase());
        json.put("fleschKincaidGrade", readability.fleschKincaidGrade());
        json.put("gunningFog", readability.gunningFog());
        json.put("smogIndex", readability.smogIndex());
        json.put("colemanLiauIndex", readability.colemanLiauIndex());
        json.put("automatedReadabilityIndex", readability.automatedReadabilityIndex());
        json.put("daleChallScore", readability.daleChallScore());
    }

    private static void vocabulary(ObjectNode json, Vocabulary vocabulary) {
        json.put("tokens", vocabulary.tokens());
        json.put("types", vocabulary.types());
        json.put("typeTokenRatio", vocabulary.typeTokenRatio());
        vocabulary.mtld().ifPresent(mtld -> json.put("mtld", mtld));
    }

    private static void variety(ObjectNode json, SentenceVariety variety) {
        json.put("sentences", variety.sentences());
        json.put("meanLength", variety.meanLength());
        json.put("lengthStandardDeviation", variety.lengthStandardDeviation());
        json.put("shortestLength", variety.shortestLength());
        json.put("longestLength", variety.longestLength());
        ArrayNode openings = json.putArray("repeatedOpenings");
        for (RepeatedOpening opening : variety.repeatedOpenings()) {
            ObjectNode entry = openings.addObject();
            entry.put("word", opening.word());
            entry.put("sentences", opening.sentences());
        }
        json.put("consecutiveRepeatedOpenings", variety.consecutiveRepeatedOpenings());
    }
}
