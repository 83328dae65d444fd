package org.margin.integrity.check;

import org.margin.integrity.similarity.Match;
import org.margin.integrity.similarity.MatchedSpan;
import org.margin.integrity.similarity.SimilarityReport;
import org.margin.integrity.similarity.TextSpan;
import org.margin.runtime.mcp.protocol.Json;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A report as JSON, field by field, without reflection: ids, scores and offsets only. Excerpts of the checked
 * text are added by the tool that answers its caller, never kept.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static ObjectNode of(SimilarityReport report) {
        ObjectNode json = Json.object();
        json.put("fingerprints", report.fingerprints());
        json.put("bestSimilarity", report.bestSimilarity());
        ArrayNode matches = json.putArray("matches");
        for (Match match : report.matches()) {
            ObjectNode entry = matches.addObject();
            entry.put("submissionId", match.submission().toString());
            entry.put("similarity", match.similarity());
            entry.put("sharedFingerprints", match.sharedFingerprints());
            ArrayNode spans = entry.putArray("spans");
            for (MatchedSpan span : match.spans()) {
                ObjectNode spanJson = spans.addObject();
                span(spanJson.putObject("checked"), span.checked());
                span(spanJson.putObject("matched"), span.matched());
                spanJson.put("fingerprints", span.fingerprints());
            }
        }
        return json;
    }

    private static void span(ObjectNode json, TextSpan span) {
        json.put("start", span.start());
        json.put("end", span.end());
    }
}
