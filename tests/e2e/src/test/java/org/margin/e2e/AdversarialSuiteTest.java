package org.margin.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.margin.e2e.LocalMargin.Bearer;
import org.margin.runtime.auth.DevTokens;
import org.margin.runtime.auth.Role;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every way the issue says someone might get at a student's data, against Margin in local mode with tokens from its
 * development issuer: a school (two courses, their two educators, students of one course, one whose enrolment has
 * ended, a child under 13 without a parent's consent, an administrator) and another school. Each refusal has its
 * status (401 for a token that is not for this function, 403 naming the missing scope, 409 for a replayed webhook,
 * a tool error in the tool's fixed words for a decision against the caller) and discloses nothing; each allowed
 * read leaves a disclosure on its basis in the school's audit log, and the log verifies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdversarialSuiteTest {

    private static final String ESSAY = """
            <p>The river shapes the town more than any mayor ever did. Every spring the water rises over the low
            fields, leaves a layer of dark silt behind, and the farmers plant in it as soon as the mud dries. The
            bridge was built three times before the engineers understood that the current was pulling it apart.</p>
            """;
    private static final String PROFILE = "get_student_profile";
    /** Every tool of every function and the scope it needs. */
    private static final List<ToolScope> TOOLS = List.of(
            new ToolScope(LocalMargin.WRITING_ANALYSIS, "analyze_writing", "analysis:run"),
            new ToolScope(LocalMargin.WRITING_ANALYSIS, "detect_pii", "analysis:run"),
            new ToolScope(LocalMargin.WRITING_ANALYSIS, "redact_pii", "pii:redact"),
            new ToolScope(LocalMargin.WRITING_ANALYSIS, "resolve_pii_tokens", "pii:resolve"),
            new ToolScope(LocalMargin.STUDENT_PROFILING, "get_student_profile", "profiles:read"),
            new ToolScope(LocalMargin.STUDENT_PROFILING, "get_progress", "profiles:read"),
            new ToolScope(LocalMargin.STUDENT_PROFILING, "get_class_overview", "profiles:read"),
            new ToolScope(LocalMargin.EDUCATOR_ALERTS, "define_alert_rule", "alerts:write"),
            new ToolScope(LocalMargin.EDUCATOR_ALERTS, "acknowledge_alert", "alerts:write"),
            new ToolScope(LocalMargin.EDUCATOR_ALERTS, "list_alerts", "alerts:read"),
            new ToolScope(LocalMargin.EDUCATOR_ALERTS, "list_alert_rules", "alerts:read"),
            new ToolScope(LocalMargin.ACADEMIC_INTEGRITY, "check_similarity", "integrity:read"),
            new ToolScope(LocalMargin.ACADEMIC_INTEGRITY, "get_integrity_report", "integrity:read"),
            new ToolScope(LocalMargin.DEAD_LETTERS, "list_dead_letters", "deadletters:admin"),
            new ToolScope(LocalMargin.DEAD_LETTERS, "replay_dead_letters", "deadletters:admin"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "import_roster", "roster:write"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "record_consent", "consent:write"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "withdraw_consent", "consent:write"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "get_consents", "consent:read"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "verify_audit_log", "audit:read"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "export_student_data", "data:export"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "erase_student_data", "data:erase"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "file_data_request", "requests:write"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "list_data_requests", "requests:read"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "set_retention_policy", "retention:admin"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "get_retention_policies", "retention:admin"),
            new ToolScope(LocalMargin.DATA_GOVERNANCE, "run_retention", "retention:admin"));

    private static LocalMargin margin;
    private static TenantId otherSchool;
    private static Bearer administrator;
    private static Bearer geographyTeacher;
    private static Bearer historyTeacher;
    private static Bearer formerGeographyTeacher;
    private static Bearer student;
    private static String studentId;
    private static String classmateId;
    private static String formerStudentId;
    private static String childId;

    @BeforeAll
    static void aSchoolAndAnother() throws Exception {
        margin = LocalMargin.start(Map.of());
        otherSchool = new TenantId(UUID.randomUUID());
        margin.store.institutions().register(otherSchool, "South district");
        administrator = Bearer.administrator(margin.tenant);

        LocalDate today = LocalDate.now();
        ArrayNode people = McpHttp.JSON.createArrayNode();
        person(people, "901", today.minusYears(40), "moodle:71", "teacher", today.minusYears(1), null);
        person(people, "902", today.minusYears(35), "moodle:72", "teacher", today.minusYears(1), null);
        person(people, "903", today.minusYears(50), "moodle:71", "teacher", today.minusYears(2),
                today.minusMonths(1));
        person(people, "1201", today.minusYears(16), "moodle:71", "student", today.minusMonths(6), null);
        person(people, "1202", today.minusYears(15), "moodle:71", "student", today.minusMonths(6), null);
        person(people, "1203", today.minusYears(16), "moodle:71", "student", today.minusYears(1),
                today.minusDays(10));
        person(people, "1204", today.minusYears(8), "moodle:71", "student", today.minusMonths(6), null);
        ObjectNode roster = McpHttp.JSON.createObjectNode();
        roster.set("people", people);
        JsonNode imported = margin.call(LocalMargin.DATA_GOVERNANCE, "import_roster", roster);
        List<String> ids = new ArrayList<>();
        imported.path("pseudonyms").forEach(entry -> ids.add(entry.path("personId").asString()));
        assertThat(ids).hasSize(7);
        geographyTeacher = bearer("educator", ids.get(0));
        historyTeacher = bearer("educator", ids.get(1));
        formerGeographyTeacher = bearer("educator", ids.get(2));
        studentId = ids.get(3);
        classmateId = ids.get(4);
        formerStudentId = ids.get(5);
        childId = ids.get(6);
        student = bearer("student", studentId);
        ObjectNode rule = McpHttp.JSON.createObjectNode()
                .put("courseId", margin.course("moodle:71", "Geography 8").value().toString());
        rule.set("rule", McpHttp.parse("{\"kind\": \"metric_threshold\", \"metric\": \"wordCount\","
                + " \"comparison\": \"below\", \"threshold\": 10000}"));
        margin.call(LocalMargin.EDUCATOR_ALERTS, geographyTeacher, "define_alert_rule", rule);

        assertThat(submit(1201, 9101).statusCode()).isEqualTo(202);
        assertThat(submit(1202, 9102).statusCode()).isEqualTo(202);
    }

    @AfterAll
    static void stop() throws Exception {
        if (margin != null) {
            margin.close();
        }
    }

    @Test
    @Order(1)
    void theTeacherOfTheCourseSeesTheProfileAndTheReadIsDisclosed() {
        awaitProfiled(studentId, 1);
        awaitProfiled(classmateId, 1);
        JsonNode profile = margin.call(LocalMargin.STUDENT_PROFILING, geographyTeacher, PROFILE,
                studentArguments(studentId));
        assertThat(profile.path("submissionCount").asInt()).isEqualTo(1);
        JsonNode progress = margin.call(LocalMargin.STUDENT_PROFILING, geographyTeacher, "get_progress",
                studentArguments(studentId));
        assertThat(progress.toString()).contains("fleschReadingEase");

        assertThat(disclosures(margin.tenant, geographyTeacher, studentId))
                .anyMatch(entry -> entry.path("tool").asString().equals(PROFILE)
                        && entry.path("basis").asString().equals("legitimate_educational_interest")
                        && entry.path("actor_role").asString().equals("educator"))
                .anyMatch(entry -> entry.path("tool").asString().equals("get_progress"));
    }

    @Test
    @Order(2)
    void theTeacherChecksSimilarityInTheirCourseAndEachMatchedStudentIsDisclosed() {
        ObjectNode check = similarityCheck();
        JsonNode similar = margin.awaitTool(LocalMargin.ACADEMIC_INTEGRITY, geographyTeacher, "check_similarity",
                check, result -> result.path("matches").size() >= 2, LocalMargin.PATIENCE);
        assertThat(similar.path("matches").size()).as(similar.toString()).isGreaterThanOrEqualTo(2);
        for (String matched : List.of(studentId, classmateId)) {
            assertThat(disclosures(margin.tenant, geographyTeacher, matched)).anyMatch(entry ->
                    entry.path("tool").asString().equals("check_similarity")
                            && entry.path("basis").asString().equals("legitimate_educational_interest"));
        }
        for (Bearer refused : List.of(historyTeacher, formerGeographyTeacher, student)) {
            JsonNode answer = margin.callRaw(LocalMargin.ACADEMIC_INTEGRITY, refused, "check_similarity", check);
            assertThat(answer.path("result").path("isError").asBoolean()).as(refused.role() + " " + answer).isTrue();
            assertThat(answer.toString()).doesNotContain("bestSimilarity", "Invalid arguments");
            assertThat(disclosures(margin.tenant, refused, studentId)).noneMatch(entry ->
                    entry.path("tool").asString().equals("check_similarity"));
        }
    }

    @Test
    @Order(3)
    void theTeacherListsTheAlertsOfTheirCourseAndEachStudentListedIsDisclosed() {
        JsonNode alerts = margin.awaitTool(LocalMargin.EDUCATOR_ALERTS, geographyTeacher, "list_alerts",
                McpHttp.JSON.createObjectNode(), result -> result.path("alerts").toString().contains(studentId)
                        && result.path("alerts").toString().contains(classmateId), LocalMargin.PATIENCE);
        assertThat(alerts.path("alerts").toString()).contains(studentId, classmateId);
        for (String listed : List.of(studentId, classmateId)) {
            assertThat(disclosures(margin.tenant, geographyTeacher, listed)).anyMatch(entry ->
                    entry.path("tool").asString().equals("list_alerts"));
        }
        for (Bearer other : List.of(historyTeacher, formerGeographyTeacher, student,
                Bearer.administrator(otherSchool))) {
            JsonNode answer = margin.callRaw(LocalMargin.EDUCATOR_ALERTS, other, "list_alerts",
                    McpHttp.JSON.createObjectNode());
            assertThat(answer.toString()).as(other.role()).doesNotContain(studentId, classmateId);
            assertThat(disclosures(margin.tenant, other, studentId)).noneMatch(entry ->
                    entry.path("tool").asString().equals("list_alerts"));
        }
    }

    @Test
    @Order(4)
    void aStudentSeesTheirOwnProfileOnTheirOwnRecord() {
        JsonNode profile = margin.call(LocalMargin.STUDENT_PROFILING, student, PROFILE, studentArguments(studentId));
        assertThat(profile.path("submissionCount").asInt()).isEqualTo(1);
        assertThat(disclosures(margin.tenant, student, studentId)).anyMatch(entry ->
                entry.path("tool").asString().equals(PROFILE) && entry.path("basis").asString().equals("own_record"));
    }

    @Test
    @Order(5)
    void aStudentExportsTheirOwnDataAndTheExportIsDisclosed() {
        JsonNode document = margin.call(LocalMargin.DATA_GOVERNANCE, student, "export_student_data",
                McpHttp.JSON.createObjectNode());
        assertThat(document.path("format").asString()).isEqualTo("margin.student-data.v1");
        assertThat(disclosures(margin.tenant, student, studentId)).anyMatch(entry ->
                entry.path("tool").asString().equals("export_student_data")
                        && entry.path("basis").asString().equals("own_record"));
    }

    @Test
    @Order(6)
    void theAdministratorSeesAnyStudentOfTheSchool() {
        JsonNode profile = margin.call(LocalMargin.STUDENT_PROFILING, administrator, PROFILE,
                studentArguments(classmateId));
        assertThat(profile.path("submissionCount").asInt()).isEqualTo(1);
        assertThat(disclosures(margin.tenant, administrator, classmateId)).anyMatch(entry ->
                entry.path("tool").asString().equals(PROFILE)
                        && entry.path("basis").asString().equals("institution_administrator"));
    }

    @Test
    @Order(7)
    void anotherSchoolsAdministratorIsRefused() {
        Bearer foreign = Bearer.administrator(otherSchool);
        JsonNode profile = margin.callRaw(LocalMargin.STUDENT_PROFILING, foreign, PROFILE,
                studentArguments(studentId));
        JsonNode check = margin.callRaw(LocalMargin.ACADEMIC_INTEGRITY, foreign, "check_similarity",
                similarityCheck());
        // First what must hold whatever the words: nothing of this school's student shown, nothing disclosed.
        assertThat(profile.path("result").path("structuredContent").path("submissionCount").asInt()).isZero();
        assertThat(check.path("result").path("structuredContent").path("matches").size()).isZero();
        assertThat(disclosures(margin.tenant, foreign, studentId)).isEmpty();
        assertThat(disclosures(otherSchool, foreign, studentId)).isEmpty();
        // Then that it is refused, as a student of the caller's own school outside their reach would be.
        assertRefusedAsIfUnknown(foreign, studentId);
        assertThat(check.path("result").path("isError").asBoolean()).as(check.toString()).isTrue();
    }

    @Test
    @Order(8)
    void aTeacherOfAnotherCourseIsRefused() {
        assertRefusedAsIfUnknown(historyTeacher, studentId);
        assertThat(disclosures(margin.tenant, historyTeacher, studentId)).isEmpty();
    }

    @Test
    @Order(9)
    void anEndedEnrolmentGivesNothing() {
        assertRefusedAsIfUnknown(geographyTeacher, formerStudentId);
        assertThat(disclosures(margin.tenant, geographyTeacher, formerStudentId)).isEmpty();
        assertRefusedAsIfUnknown(formerGeographyTeacher, studentId);
        assertThat(disclosures(margin.tenant, formerGeographyTeacher, studentId)).isEmpty();
    }

    @Test
    @Order(10)
    void aServiceSeesNoStudentThroughTools() {
        Bearer service = Bearer.service();
        JsonNode profile = margin.callRaw(LocalMargin.STUDENT_PROFILING, service, PROFILE,
                studentArguments(studentId));
        assertThat(profile.path("result").path("isError").asBoolean()).as(profile.toString()).isTrue();
        assertThat(profile.toString()).doesNotContain("submissionCount");
        JsonNode check = margin.callRaw(LocalMargin.ACADEMIC_INTEGRITY, service, "check_similarity",
                similarityCheck());
        assertThat(check.path("result").path("isError").asBoolean()).as(check.toString()).isTrue();
    }

    @Test
    @Order(11)
    void noTokenIsAChallenge() {
        HttpResponse<String> refused = McpHttp.send(HttpRequest.newBuilder(
                        margin.uri(LocalMargin.STUDENT_PROFILING, "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("MCP-Protocol-Version", McpHttp.STATELESS)
                .header("Mcp-Method", "tools/call")
                .header("Mcp-Name", PROFILE)
                .POST(HttpRequest.BodyPublishers.ofString(
                        McpHttp.statelessToolCall(PROFILE, studentArguments(studentId)).toString()))
                .build());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).contains("resource_metadata=");
        assertThat(refused.body()).doesNotContain("submissionCount");
    }

    @Test
    @Order(12)
    void aStudentAskingForAnotherStudentIsRefused() {
        assertRefusedAsIfUnknown(student, classmateId);
        JsonNode export = margin.callRaw(LocalMargin.DATA_GOVERNANCE, student, "export_student_data",
                studentArguments(classmateId));
        assertThat(export.path("result").path("isError").asBoolean()).as(export.toString()).isTrue();
        assertThat(export.toString()).doesNotContain("margin.student-data.v1");
        assertThat(disclosures(margin.tenant, student, classmateId)).isEmpty();
    }

    @Test
    @Order(13)
    void aTokenForAnotherFunctionIsRefused() {
        String forWritingAnalysis = margin.token(LocalMargin.WRITING_ANALYSIS, geographyTeacher);
        int disclosed = disclosures(margin.tenant, geographyTeacher, studentId).size();
        HttpResponse<String> refused = margin.post(LocalMargin.STUDENT_PROFILING, forWritingAnalysis, PROFILE,
                studentArguments(studentId));
        assertInvalidToken(refused);
        assertThat(disclosures(margin.tenant, geographyTeacher, studentId)).hasSize(disclosed);
    }

    @Test
    @Order(14)
    void aTokenSignedByAnotherKeyIsRefused() {
        DevTokens impostor = DevTokens.generate("http://127.0.0.1:" + (margin.base + LocalMargin.DEV_TOKENS)
                + "/dev-auth");
        String forged = impostor.issue(DevTokens.Grant.person(
                margin.uri(LocalMargin.STUDENT_PROFILING, "/mcp").toString(), Role.ADMINISTRATOR,
                margin.tenant.value(), administrator.person().orElseThrow(), McpHttp.ALL_SCOPES));
        assertInvalidToken(margin.post(LocalMargin.STUDENT_PROFILING, forged, PROFILE, studentArguments(studentId)));
    }

    /**
     * The launcher's issuer signs only live tokens, so an expired one is made by the issuer of a function started
     * alone (its key, its audience), and shown to be refused there while a live one of the same issuer is taken.
     */
    @Test
    @Order(15)
    void anExpiredTokenIsRefused() throws Exception {
        try (FunctionProcess function = FunctionProcess.start("writing-analysis")) {
            DevTokens.Grant grant = DevTokens.Grant.service(McpHttp.RESOURCE, "e2e", McpHttp.ALL_SCOPES);
            String expired = McpHttp.TOKENS.sign(McpHttp.TOKENS.claims(grant)
                    .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                    .notBeforeTime(Date.from(Instant.now().minusSeconds(7200)))
                    .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                    .build());
            String body = McpHttp.statelessToolCall("analyze_writing",
                    McpHttp.JSON.createObjectNode().put("text", "A short text about rivers and towns.")).toString();
            assertInvalidToken(McpHttp.postStateless(function.uri("/mcp"), "analyze_writing", body, expired));
            assertThat(McpHttp.postStateless(function.uri("/mcp"), "analyze_writing", body, McpHttp.TOKEN)
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(16)
    void aReplayedWebhookIsRefused() throws Exception {
        Webhooks.Delivery delivery = margin.webhooks.moodleDelivery("moodle-north", LocalMargin.MOODLE_SECRET, 71,
                1202, 9112, ESSAY);
        assertThat(margin.webhooks.send(delivery).statusCode()).isEqualTo(202);
        HttpResponse<String> replay = margin.webhooks.send(delivery);
        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(409);
    }

    @Test
    @Order(17)
    void eachToolWithoutItsScopeIsRefusedNamingTheScope() {
        List<String> wrong = new ArrayList<>();
        for (ToolScope tool : TOOLS) {
            HttpResponse<String> refused = margin.post(tool.function(),
                    margin.token(tool.function(), administrator.without(tool.scope())), tool.name(),
                    McpHttp.JSON.createObjectNode());
            String challenge = refused.headers().firstValue("WWW-Authenticate").orElse("");
            if (refused.statusCode() != 403 || !challenge.contains("insufficient_scope")
                    || !challenge.contains("scope=\"" + tool.scope() + "\"")) {
                wrong.add(tool.name() + ": " + refused.statusCode() + " " + challenge);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    @Order(18)
    void aChildsSubmissionIsHeldUntilAParentConsents() throws Exception {
        HttpResponse<String> held = submit(1204, 9104);
        assertThat(held.statusCode()).isEqualTo(202);
        assertThat(McpHttp.parse(held.body()).path("held").asInt()).as(held.body()).isEqualTo(1);
        // Long enough for an event let through to be analysed and profiled, as the classmates' were.
        Thread.sleep(3_000);
        assertThat(margin.call(LocalMargin.STUDENT_PROFILING, administrator, PROFILE, studentArguments(childId))
                .path("submissionCount").asInt()).isZero();
        assertThat(margin.call(LocalMargin.DATA_GOVERNANCE, administrator, "get_consents",
                studentArguments(childId)).toString()).contains("\"held\":1");

        ObjectNode consent = studentArguments(childId).put("givenBy", "parent_or_guardian")
                .put("verification", "signed_form");
        consent.putArray("purposes").add("analysis").add("profiling").add("integrity").add("analytics");
        margin.call(LocalMargin.DATA_GOVERNANCE, administrator, "record_consent", consent);
        awaitProfiled(childId, 1);
        assertThat(disclosures(margin.tenant, administrator, childId))
                .anyMatch(entry -> entry.path("tool").asString().equals(PROFILE));
    }

    @Test
    @Order(19)
    void onlyTheSchoolsAdministratorResolvesTheSchoolsTokensAndTheResolutionIsAudited() {
        String note = "Ask Maya Lopez at maya.lopez@example.com about the river project.";
        String redacted = margin.call(LocalMargin.WRITING_ANALYSIS, geographyTeacher, "redact_pii",
                McpHttp.JSON.createObjectNode().put("text", note).put("mode", "token")).path("redactedText").asString();
        assertThat(redacted).contains("\u27e6PERSON:", "\u27e6EMAIL_ADDRESS:").doesNotContain("Maya");
        ObjectNode arguments = McpHttp.JSON.createObjectNode().put("text", redacted);

        for (Bearer refused : List.of(geographyTeacher, student, Bearer.service())) {
            JsonNode answer = margin.callRaw(LocalMargin.WRITING_ANALYSIS, refused, "resolve_pii_tokens", arguments);
            assertThat(answer.path("result").path("isError").asBoolean()).as(answer.toString()).isTrue();
            assertThat(answer.toString()).contains("administrators only").doesNotContain("Maya");
        }
        JsonNode foreign = margin.call(LocalMargin.WRITING_ANALYSIS, Bearer.administrator(otherSchool),
                "resolve_pii_tokens", arguments);
        assertThat(foreign.path("resolved").asInt()).isZero();
        assertThat(foreign.path("restoredText").asString()).isEqualTo(redacted);
        foreign.path("resolutions").forEach(entry ->
                assertThat(entry.path("reason").asString()).isEqualTo("not_resolvable"));

        JsonNode resolved = margin.call(LocalMargin.WRITING_ANALYSIS, administrator, "resolve_pii_tokens", arguments);
        assertThat(resolved.path("restoredText").asString()).isEqualTo(note);
        assertThat(resolved.path("rejected").asInt()).isZero();

        List<JsonNode> resolutions = entries(margin.tenant).stream()
                .filter(entry -> entry.path("action").asString().equals("pii_tokens.resolved")).toList();
        assertThat(resolutions).singleElement().satisfies(entry -> {
            assertThat(entry.path("actor").asString()).isEqualTo(administrator.person().orElseThrow().toString());
            assertThat(entry.path("target").asString()).isEqualTo("resolved:2/rejected:0/email:1/person:1");
        });
        assertThat(entries(otherSchool)).anyMatch(entry -> entry.path("target").asString()
                .equals("resolved:0/rejected:2"));
        assertThat(entries(margin.tenant).toString()).doesNotContain("Maya", "maya.lopez", "\u27e6");
    }

    @Test
    @Order(20)
    void theSchoolsAuditLogVerifies() {
        JsonNode verified = margin.call(LocalMargin.DATA_GOVERNANCE, administrator, "verify_audit_log",
                McpHttp.JSON.createObjectNode());
        assertThat(verified.path("verified").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("entries").asLong()).isGreaterThanOrEqualTo(entries(margin.tenant).size() - 1L)
                .isPositive();
    }

    private static void assertRefusedAsIfUnknown(Bearer bearer, String student) {
        JsonNode refused = margin.callRaw(LocalMargin.STUDENT_PROFILING, bearer, PROFILE, studentArguments(student));
        JsonNode unknown = margin.callRaw(LocalMargin.STUDENT_PROFILING, bearer, PROFILE,
                studentArguments(UUID.randomUUID().toString()));
        assertThat(refused.path("result").path("isError").asBoolean()).as(refused.toString()).isTrue();
        assertThat(refused.path("result").path("content")).isEqualTo(unknown.path("result").path("content"));
        assertThat(refused.toString()).doesNotContain("submissionCount", "Invalid arguments");
    }

    private static void assertInvalidToken(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate").orElse(""))
                .contains("invalid_token", "resource_metadata=");
    }

    private static HttpResponse<String> submit(long user, long submission) throws Exception {
        return margin.webhooks.moodle("moodle-north", LocalMargin.MOODLE_SECRET, 71, user, submission, ESSAY);
    }

    private static void awaitProfiled(String student, int submissions) {
        JsonNode profile = margin.awaitTool(LocalMargin.STUDENT_PROFILING, administrator, PROFILE,
                studentArguments(student), result -> result.path("submissionCount").asInt() == submissions,
                LocalMargin.PATIENCE);
        assertThat(profile.path("submissionCount").asInt()).as(profile.toString()).isEqualTo(submissions);
    }

    private static List<JsonNode> disclosures(TenantId tenant, Bearer actor, String student) {
        return margin.disclosures(tenant, actor.person().orElseThrow(), student);
    }

    private static List<JsonNode> entries(TenantId tenant) {
        return margin.auditEntries(tenant);
    }

    /** A similarity check of the essay every student of the geography course handed in. */
    private static ObjectNode similarityCheck() {
        return McpHttp.JSON.createObjectNode()
                .put("courseId", margin.course("moodle:71", "Geography 8").value().toString())
                .put("text", ESSAY.replaceAll("<[^>]+>", "").strip());
    }

    private static ObjectNode studentArguments(String student) {
        return McpHttp.JSON.createObjectNode().put("studentId", student);
    }

    private static Bearer bearer(String role, String person) {
        return new Bearer(role, margin.tenant.value(), Optional.of(UUID.fromString(person)),
                McpHttp.ALL_SCOPES);
    }

    private static void person(ArrayNode people, String lmsUserId, LocalDate born, String course, String role,
                               LocalDate startsOn, LocalDate endsOn) {
        ObjectNode person = people.addObject().put("lmsUserId", lmsUserId).put("dateOfBirth", born.toString());
        ObjectNode enrollment = person.putArray("enrollments").addObject()
                .put("courseCode", course).put("role", role).put("startsOn", startsOn.toString());
        if (endsOn != null) {
            enrollment.put("endsOn", endsOn.toString());
        }
    }

    private record ToolScope(int function, String name, String scope) {
    }
}
