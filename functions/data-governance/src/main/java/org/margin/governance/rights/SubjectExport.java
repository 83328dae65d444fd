package org.margin.governance.rights;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.margin.platform.submission.SubmissionTexts;
import org.margin.privacy.crypto.Keyring;
import org.margin.privacy.crypto.RowContext;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.Opaque;
import org.margin.store.people.PersonIdentity;
import org.margin.store.subject.SubjectRecords;
import org.margin.store.submission.Submission;
import org.margin.store.tenant.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A student's data as one JSON document (GDPR Art. 15 and 20: structured, commonly used, machine-readable), with
 * identifying fields and submission texts opened for the requester. Built only in answer to a tool call, never
 * logged, never cached.
 */
public final class SubjectExport {

    /** The document's format; a change of its shape is a new version. */
    public static final String FORMAT = "margin.student-data.v1";
    private static final String IDENTITIES = "person_identities";

    private final Keyring keyring;
    private final SubmissionTexts texts;

    public SubjectExport(Keyring keyring, SubmissionTexts texts) {
        this.keyring = keyring;
        this.texts = texts;
    }

    public ObjectNode document(TenantId tenant, SubjectRecords records, Instant exportedAt) {
        ObjectNode document = Json.object();
        document.put("format", FORMAT);
        document.put("exportedAt", exportedAt.toString());
        document.put("institutionId", tenant.value().toString());
        document.put("studentId", records.person().value().toString());
        document.put("registeredAt", records.registeredAt().toString());
        document.set("identity", identity(tenant, records));
        ArrayNode submissions = document.putArray("submissions");
        for (Submission submission : records.submissions()) {
            ObjectNode entry = submissions.addObject();
            entry.put("submissionId", submission.id().value().toString());
            entry.put("courseId", submission.course().value().toString());
            entry.put("submittedAt", submission.submittedAt().toString());
            entry.put("text", texts.open(tenant, submission.id(), submission.body()));
        }
        ObjectNode stored = (ObjectNode) Json.MAPPER.readTree(records.records());
        document.set("enrollments", stored.path("enrollments"));
        document.set("metrics", stored.path("metrics"));
        document.set("profile", stored.path("profile"));
        document.set("alerts", stored.path("alerts"));
        document.set("integrityReports", reports(stored.path("integrityReports")));
        document.set("fingerprints", stored.path("fingerprints"));
        document.set("consents", stored.path("consents"));
        document.set("heldEvents", stored.path("heldEvents"));
        document.set("dataRequests", stored.path("dataRequests"));
        return document;
    }

    private JsonNode identity(TenantId tenant, SubjectRecords records) {
        if (records.identity().isEmpty()) {
            return Json.NODES.nullNode();
        }
        PersonIdentity identity = records.identity().get();
        ObjectNode json = Json.object();
        json.put("lmsUserId", open(tenant, records, "lms_user_id", identity.lmsUserId()));
        put(json, "fullName", tenant, records, "full_name", identity.fullName());
        put(json, "email", tenant, records, "email", identity.email());
        put(json, "dateOfBirth", tenant, records, "date_of_birth", identity.dateOfBirth());
        return json;
    }

    private void put(ObjectNode json, String member, TenantId tenant, SubjectRecords records, String column,
                     Optional<Opaque> value) {
        if (value.isPresent()) {
            json.put(member, open(tenant, records, column, value.get()));
        } else {
            json.putNull(member);
        }
    }

    private String open(TenantId tenant, SubjectRecords records, String column, Opaque sealed) {
        RowContext row = new RowContext(tenant.value(), IDENTITIES, column, records.person().value());
        return new String(keyring.decrypt(row, sealed.bytes()), StandardCharsets.UTF_8);
    }

    /** Reports as the integrity function wrote them: JSON where they are JSON, else their bytes in base64. */
    private static JsonNode reports(JsonNode stored) {
        ArrayNode reports = Json.NODES.arrayNode();
        for (JsonNode entry : stored) {
            ObjectNode copy = ((ObjectNode) entry).deepCopy();
            byte[] bytes = java.util.Base64.getDecoder().decode(entry.path("report").asString());
            try {
                copy.set("report", Json.MAPPER.readTree(bytes));
            } catch (RuntimeException notJson) {
                // Kept as stored: the export must not drop what Margin holds because it cannot read it.
            }
            reports.add(copy);
        }
        return reports;
    }
}
