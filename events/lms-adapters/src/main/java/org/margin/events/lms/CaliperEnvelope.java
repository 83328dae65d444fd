package org.margin.events.lms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.margin.events.lms.SubmissionContent.Markup;

import tools.jackson.databind.JsonNode;

/**
 * An IMS Caliper 1.1 or 1.2 envelope ({@code sensor}, {@code sendTime}, {@code dataVersion}, {@code data[]}). Its
 * submissions are {@code AssessmentEvent}s with action {@code Submitted} (the {@code Attempt} is
 * {@code generated}, the {@code Assessment} the {@code object}) and {@code AssignableEvent}s with action
 * {@code Submitted} (Canvas: the {@code Attempt} is the {@code object}, with the text in its {@code body}). Other
 * events and entities in {@code data} are skipped. The course is the {@code group}: a {@code CourseOffering}, or
 * the offering a {@code CourseSection} is a {@code subOrganizationOf}.
 */
final class CaliperEnvelope implements PayloadParser {

    private static final Set<String> DATA_VERSIONS = Set.of("http://purl.imsglobal.org/ctx/caliper/v1p1",
            "http://purl.imsglobal.org/ctx/caliper/v1p2");
    private static final Set<String> SUBMISSION_EVENTS = Set.of("AssessmentEvent", "AssignableEvent");
    private static final String CANVAS_EXTENSION = "com.instructure.canvas";
    private static final Pattern CANVAS_URN = Pattern.compile("urn:instructure:canvas:[a-z_]+:([0-9A-Za-z_~-]+)");

    /** How ids are taken from entity IRIs. */
    enum Ids {
        /** The IRI itself. */
        AS_GIVEN,
        /** Canvas's global id: the {@code entity_id} extension, else the last segment of the Canvas URN. */
        CANVAS
    }

    private final Ids ids;

    CaliperEnvelope(Ids ids) {
        this.ids = ids;
    }

    @Override
    public List<SubmissionReceived> parse(JsonNode payload, LmsSource source) {
        if (!DATA_VERSIONS.contains(Members.text(payload, "dataVersion").orElse(""))) {
            throw new MalformedPayload("not a Caliper 1.1 or 1.2 envelope: dataVersion");
        }
        if (Members.text(payload, "sensor").isEmpty()) {
            throw new MalformedPayload("the Caliper envelope names no sensor");
        }
        if (Members.instant(payload, "sendTime", "the Caliper envelope has a malformed sendTime").isEmpty()) {
            throw new MalformedPayload("the Caliper envelope has no sendTime");
        }
        JsonNode data = payload.get("data");
        if (data == null || !data.isArray()) {
            throw new MalformedPayload("the Caliper envelope's data is not an array");
        }
        List<SubmissionReceived> submissions = new ArrayList<>();
        for (JsonNode item : data) {
            if (item.isObject() && isSubmission(item)) {
                submissions.add(submission(item, source));
            }
        }
        return submissions;
    }

    private static boolean isSubmission(JsonNode event) {
        return SUBMISSION_EVENTS.contains(Members.text(event, "type").orElse(""))
                && "Submitted".equals(Members.text(event, "action").orElse(""));
    }

    private SubmissionReceived submission(JsonNode event, LmsSource source) {
        JsonNode object = event.get("object");
        boolean objectIsAttempt = object != null && "Attempt".equals(Members.text(object, "type").orElse(""));
        JsonNode attempt = objectIsAttempt ? object : event.get("generated");
        JsonNode assignable = objectIsAttempt ? object.get("assignable") : object;

        String userId = id(event.get("actor")).orElseThrow(() -> new MalformedPayload("the Caliper event names no actor"));
        String submissionId = id(attempt).orElseThrow(() -> new MalformedPayload("the Caliper event names no attempt"));
        String courseId = course(event).orElseThrow(() -> new MalformedPayload("the Caliper event names no course"));
        Instant submittedAt = Members.instant(event, "eventTime", "the Caliper event has a malformed eventTime")
                .orElseThrow(() -> new MalformedPayload("the Caliper event has no eventTime"));
        OptionalInt count = attempt != null && attempt.isObject()
                ? Members.positive(attempt, "count").stream().mapToInt(Math::toIntExact).findFirst()
                : OptionalInt.empty();
        return new SubmissionReceived(source.id(), source.institutionId(), source.lms(), courseId, userId,
                submissionId, id(assignable), count, submittedAt, content(attempt, submissionId));
    }

    private SubmissionContent content(JsonNode attempt, String submissionId) {
        Markup markup = ids == Ids.CANVAS ? Markup.HTML : Markup.PLAIN;
        Optional<String> body = attempt != null && attempt.isObject() ? Members.text(attempt, "body") : Optional.empty();
        if (body.isPresent()) {
            boolean truncated = ids == Ids.CANVAS && body.get().length() >= CanvasLiveEvents.BODY_LIMIT;
            return new SubmissionContent.Text(body.get(), markup, truncated);
        }
        Optional<String> url = Members.text(canvasExtension(attempt), "url");
        return new SubmissionContent.Reference(url.orElse(ids == Ids.CANVAS ? "submission:" + submissionId
                : submissionId));
    }

    private Optional<String> course(JsonNode event) {
        JsonNode group = event.get("group");
        if (group != null && group.isObject() && "CourseSection".equals(Members.text(group, "type").orElse(""))) {
            JsonNode offering = group.get("subOrganizationOf");
            if (offering != null && offering.isObject()
                    && "CourseOffering".equals(Members.text(offering, "type").orElse(""))) {
                return id(offering);
            }
        }
        Optional<String> fromGroup = id(group);
        if (fromGroup.isPresent()) {
            return fromGroup;
        }
        JsonNode membership = event.get("membership");
        return membership != null && membership.isObject() ? id(membership.get("organization")) : Optional.empty();
    }

    private Optional<String> id(JsonNode entity) {
        Optional<String> iri = Members.idOf(entity);
        if (ids == Ids.AS_GIVEN || iri.isEmpty()) {
            return iri;
        }
        Optional<String> entityId = Members.text(canvasExtension(entity), "entity_id");
        if (entityId.isPresent()) {
            return entityId;
        }
        Matcher urn = CANVAS_URN.matcher(iri.get());
        return Optional.of(urn.matches() ? urn.group(1) : iri.get());
    }

    private static JsonNode canvasExtension(JsonNode entity) {
        return entity != null && entity.isObject()
                ? Members.object(Members.object(entity, "extensions"), CANVAS_EXTENSION)
                : null;
    }
}
