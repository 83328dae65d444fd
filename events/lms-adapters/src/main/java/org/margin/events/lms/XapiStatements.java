package org.margin.events.lms;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.margin.events.lms.SubmissionContent.Markup;

import tools.jackson.databind.JsonNode;

/**
 * xAPI statements (one, or an array as an LRS forwards them) with verb
 * {@value #SUBMITTED}. The submission is the statement ({@code id}); the user is the actor's inverse functional
 * identifier ({@code account} as {@code homePage#name}, else {@code mbox}, {@code mbox_sha1sum}, {@code openid});
 * the assignment is the object activity; the course is the context activity typed
 * {@value #COURSE_TYPE} in {@code grouping} or {@code parent}, else the first grouping, else the first parent; the
 * text is {@code result.response}, else the first attachment's {@code fileUrl} is the reference.
 */
final class XapiStatements implements PayloadParser {

    static final String SUBMITTED = "http://adlnet.gov/expapi/verbs/submitted";
    static final String COURSE_TYPE = "http://adlnet.gov/expapi/activities/course";

    @Override
    public List<SubmissionReceived> parse(JsonNode payload, LmsSource source) {
        List<JsonNode> statements = new ArrayList<>();
        if (payload.isArray()) {
            payload.forEach(statements::add);
        } else {
            statements.add(payload);
        }
        List<SubmissionReceived> submissions = new ArrayList<>();
        for (JsonNode statement : statements) {
            if (!statement.isObject() || Members.object(statement, "verb") == null) {
                throw new MalformedPayload("not an xAPI statement: no verb");
            }
            if (SUBMITTED.equals(Members.text(statement.get("verb"), "id").orElse(""))) {
                submissions.add(submission(statement, source));
            }
        }
        return submissions;
    }

    private static SubmissionReceived submission(JsonNode statement, LmsSource source) {
        String statementId = Members.required(statement, "id", "the xAPI statement has no id");
        String actor = actor(Members.object(statement, "actor"))
                .orElseThrow(() -> new MalformedPayload("the xAPI actor is not identified"));
        JsonNode object = Members.object(statement, "object");
        String objectType = Members.text(object, "objectType").orElse("Activity");
        if (object == null || !"Activity".equals(objectType)) {
            throw new MalformedPayload("the xAPI object is not an activity");
        }
        String activity = Members.required(object, "id", "the xAPI activity has no id");
        String course = course(Members.object(Members.object(statement, "context"), "contextActivities"))
                .orElseThrow(() -> new MalformedPayload("the xAPI context names no course"));
        Instant submittedAt = Members.instant(statement, "timestamp", "the xAPI statement has a malformed timestamp")
                .or(() -> Members.instant(statement, "stored", "the xAPI statement has a malformed stored time"))
                .orElseThrow(() -> new MalformedPayload("the xAPI statement has no timestamp"));
        return new SubmissionReceived(source.id(), source.institutionId(), source.lms(), course, actor,
                statementId, Optional.of(activity), OptionalInt.empty(), submittedAt, content(statement));
    }

    private static Optional<String> actor(JsonNode actor) {
        if (actor == null) {
            return Optional.empty();
        }
        JsonNode account = Members.object(actor, "account");
        if (account != null) {
            Optional<String> homePage = Members.text(account, "homePage");
            Optional<String> name = Members.text(account, "name");
            if (homePage.isPresent() && name.isPresent()) {
                return Optional.of(homePage.get() + "#" + name.get());
            }
            return Optional.empty();
        }
        return Members.text(actor, "mbox")
                .or(() -> Members.text(actor, "mbox_sha1sum").map(sum -> "sha1:" + sum))
                .or(() -> Members.text(actor, "openid"));
    }

    private static Optional<String> course(JsonNode contextActivities) {
        if (contextActivities == null) {
            return Optional.empty();
        }
        List<JsonNode> grouping = activities(contextActivities.get("grouping"));
        List<JsonNode> parent = activities(contextActivities.get("parent"));
        for (List<JsonNode> candidates : List.of(grouping, parent)) {
            for (JsonNode activity : candidates) {
                if (COURSE_TYPE.equals(Members.text(Members.object(activity, "definition"), "type").orElse(""))) {
                    return Members.text(activity, "id");
                }
            }
        }
        return grouping.stream().map(a -> Members.text(a, "id")).flatMap(Optional::stream).findFirst()
                .or(() -> parent.stream().map(a -> Members.text(a, "id")).flatMap(Optional::stream).findFirst());
    }

    /** xAPI lets a context activity list be a single activity instead of an array. */
    private static List<JsonNode> activities(JsonNode node) {
        List<JsonNode> activities = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(activities::add);
        } else if (node != null && node.isObject()) {
            activities.add(node);
        }
        return activities;
    }

    private static SubmissionContent content(JsonNode statement) {
        Optional<String> response = Members.text(Members.object(statement, "result"), "response");
        if (response.isPresent()) {
            return new SubmissionContent.Text(response.get(), Markup.PLAIN, false);
        }
        JsonNode attachments = statement.get("attachments");
        if (attachments != null && attachments.isArray()) {
            for (JsonNode attachment : attachments) {
                Optional<String> url = Members.text(attachment, "fileUrl");
                if (url.isPresent()) {
                    return new SubmissionContent.Reference(url.get());
                }
                Optional<String> sha2 = Members.text(attachment, "sha2");
                if (sha2.isPresent()) {
                    return new SubmissionContent.Reference("sha2:" + sha2.get());
                }
            }
        }
        return new SubmissionContent.Reference("statement:" + Members.text(statement, "id").orElseThrow());
    }
}
