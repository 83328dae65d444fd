package org.margin.events.lms;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

import org.margin.events.lms.SubmissionContent.Markup;

import tools.jackson.databind.JsonNode;

/**
 * Canvas Live Events, in either format a Data Services subscription can choose: "Canvas" ({@code metadata} and
 * {@code body}, ids in Canvas's global form) or "Caliper" (an IMS Caliper 1.1 envelope of an
 * {@code AssignableEvent}, ids in {@code urn:instructure:canvas:<kind>:<id>} IRIs, read as the same global ids).
 * Only {@code submission_created} is a submission.
 */
final class CanvasLiveEvents implements PayloadParser {

    static final String SUBMISSION_CREATED = "submission_created";
    /** Canvas cuts {@code body} to this many characters. */
    static final int BODY_LIMIT = 8192;

    @Override
    public List<SubmissionReceived> parse(JsonNode payload, LmsSource source) {
        if (payload.has("metadata") && payload.has("body")) {
            return canvasFormat(payload, source);
        }
        if (payload.has("dataVersion") || payload.has("data")) {
            return new CaliperEnvelope(CaliperEnvelope.Ids.CANVAS).parse(payload, source);
        }
        throw new MalformedPayload("not a Canvas live event: neither metadata and body nor a Caliper envelope");
    }

    private static List<SubmissionReceived> canvasFormat(JsonNode payload, LmsSource source) {
        JsonNode metadata = Members.object(payload, "metadata");
        JsonNode body = Members.object(payload, "body");
        if (metadata == null || body == null) {
            throw new MalformedPayload("Canvas live event metadata and body must be objects");
        }
        if (!SUBMISSION_CREATED.equals(Members.text(metadata, "event_name").orElse(""))) {
            return List.of();
        }
        String submissionId = Members.required(body, "submission_id", "submission_created names no submission");
        String userId = Members.required(body, "user_id", "submission_created names no user");
        if (!"Course".equals(Members.text(metadata, "context_type").orElse(""))) {
            throw new MalformedPayload("submission_created names no course context");
        }
        String courseId = Members.required(metadata, "context_id", "submission_created names no course context");
        Instant submittedAt = Members.instant(body, "submitted_at", "submission_created has a malformed time")
                .or(() -> Members.instant(metadata, "event_time", "submission_created has a malformed time"))
                .orElseThrow(() -> new MalformedPayload("submission_created has no time"));
        OptionalInt attempt = Members.positive(body, "attempt").stream().mapToInt(Math::toIntExact).findFirst();

        SubmissionContent content = Members.text(body, "body")
                .<SubmissionContent>map(text -> new SubmissionContent.Text(text, Markup.HTML,
                        text.length() >= BODY_LIMIT))
                .or(() -> Members.text(body, "url").map(SubmissionContent.Reference::new))
                .orElseGet(() -> new SubmissionContent.Reference("submission:" + submissionId));
        return List.of(new SubmissionReceived(source.id(), source.institutionId(), source.lms(), courseId, userId,
                submissionId, Members.text(body, "assignment_id"), attempt, submittedAt, content));
    }
}
