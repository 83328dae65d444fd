package org.margin.events.lms;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import tools.jackson.databind.JsonNode;

/**
 * Moodle events as an observer or webhook plugin posts them: the event's {@code get_data()} as JSON
 * ({@code eventname}, {@code component}, {@code objecttable}, {@code objectid}, {@code contextinstanceid},
 * {@code userid}, {@code courseid}, {@code other}, {@code timecreated}, plus whatever the plugin adds). Only
 * {@code \mod_assign\event\assessable_submitted} is a submission: it carries no text, so the content is a
 * reference to the {@code assign_submission} row; {@code contextinstanceid} is the assignment's course module.
 * {@code \assignsubmission_onlinetext\event\assessable_uploaded}, which the online-text plugin fires when the
 * student saves the text, names the same submission and carries the text (HTML) in {@code other.content}.
 */
final class MoodleEvents implements PayloadParser {

    static final String ASSESSABLE_SUBMITTED = "\\mod_assign\\event\\assessable_submitted";
    static final String ONLINE_TEXT_UPLOADED = "\\assignsubmission_onlinetext\\event\\assessable_uploaded";

    @Override
    public List<SubmissionReceived> parse(JsonNode payload, LmsSource source) {
        Optional<String> eventName = Members.text(payload, "eventname");
        if (eventName.isEmpty()) {
            throw new MalformedPayload("not a Moodle event: no eventname");
        }
        boolean onlineText = ONLINE_TEXT_UPLOADED.equals(eventName.get());
        if (!onlineText && !ASSESSABLE_SUBMITTED.equals(eventName.get())) {
            return List.of();
        }
        Optional<String> table = Members.text(payload, "objecttable");
        if (table.isPresent() && !"assign_submission".equals(table.get())) {
            throw new MalformedPayload("assessable_submitted must name an assign_submission");
        }
        long submissionId = Members.positive(payload, "objectid")
                .orElseThrow(() -> new MalformedPayload("assessable_submitted names no submission"));
        long userId = Members.positive(payload, "userid")
                .orElseThrow(() -> new MalformedPayload("assessable_submitted names no user"));
        long courseId = Members.positive(payload, "courseid")
                .orElseThrow(() -> new MalformedPayload("assessable_submitted names no course"));
        long created = Members.positive(payload, "timecreated")
                .orElseThrow(() -> new MalformedPayload("assessable_submitted has no time"));
        Optional<String> assignment = Members.positive(payload, "contextinstanceid").stream()
                .mapToObj(Long::toString).findFirst();
        SubmissionContent content = new SubmissionContent.Reference("assign_submission:" + submissionId);
        if (onlineText) {
            JsonNode text = payload.path("other").path("content");
            if (!text.isString()) {
                throw new MalformedPayload("assessable_uploaded of online text carries no other.content");
            }
            content = new SubmissionContent.Text(text.asString(), SubmissionContent.Markup.HTML, false);
        }
        return List.of(new SubmissionReceived(source.id(), source.institutionId(), source.lms(),
                Long.toString(courseId), Long.toString(userId), Long.toString(submissionId), assignment,
                OptionalInt.empty(), Instant.ofEpochSecond(created), content));
    }
}
