package org.margin.governance.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.access.Decision;
import org.margin.governance.DataGovernanceFunction;
import org.margin.governance.GovernanceWorld;
import org.margin.governance.retention.RetentionTools;
import org.margin.governance.rights.RightsTools;
import org.margin.runtime.FunctionRuntime;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.runtime.cloudevents.delivery.DeliveryLedger;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The governance tools over real HTTP with tokens a real issuer signed: scopes declared to the engine, decisions
 * through the access policy, and every disclosure and administrative action in the institution's audit log.
 */
class GovernanceOverHttpTest {

    private static final String NOT_SELF =
            "Only an administrator of the institution, or the student themself, may do this.";

    private static GovernanceWorld world;
    private static FunctionRuntime function;
    private static McpOverHttp mcp;

    @BeforeAll
    static void start() {
        world = GovernanceWorld.get();
        function = FunctionRuntime.builder()
                .service(DataGovernanceFunction.NAME, DataGovernanceFunction.VERSION)
                .settings(McpOverHttp.settings())
                .deliveryLedger(DeliveryLedger.none())
                .mcp(mount -> mount.endpoint(DataGovernanceFunction.mcp(world.platform, world.governance)))
                .build()
                .start();
        mcp = new McpOverHttp(function.port());
    }

    @AfterAll
    static void stop() {
        function.close();
    }

    @Test
    void everyRightsAndRetentionToolDeclaresItsScope() {
        UUID tenant = UUID.randomUUID();
        String unscoped = McpOverHttp.token(Role.ADMINISTRATOR, tenant, UUID.randomUUID(), "audit:read");
        Map<String, String> scopes = Map.of(
                RightsTools.EXPORT, RightsTools.EXPORT_SCOPE, RightsTools.ERASE, RightsTools.ERASE_SCOPE,
                RightsTools.FILE, RightsTools.REQUESTS_WRITE_SCOPE, RightsTools.LIST, RightsTools.REQUESTS_READ_SCOPE,
                RetentionTools.SET, RetentionTools.SCOPE, RetentionTools.GET, RetentionTools.SCOPE,
                RetentionTools.RUN, RetentionTools.SCOPE);
        scopes.forEach((tool, scope) -> {
            var response = mcp.call(unscoped, tool, Json.object());
            assertThat(response.statusCode()).as(tool).isEqualTo(403);
            assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow()).as(tool)
                    .contains("error=\"insufficient_scope\"", "scope=\"" + scope + "\"");
        });
    }

    @Test
    void anExportIsDisclosedOnItsBasisAndARefusedOneDisclosesNothing() {
        var school = world.school(2);
        PersonId student = school.students().get(0);
        PersonId classmate = school.students().get(1);
        world.submit(school, student, "An essay on tides.", 0);
        var elsewhere = world.school(1);
        UUID administrator = UUID.randomUUID();
        ObjectNode forStudent = Json.object().put("studentId", student.value().toString());

        String refusedToClassmate = McpOverHttp.errorText(mcp.result(token(school.tenant(), Role.STUDENT, classmate,
                RightsTools.EXPORT_SCOPE), RightsTools.EXPORT, forStudent));
        String refusedToTeacher = McpOverHttp.errorText(mcp.result(token(school.tenant(), Role.EDUCATOR,
                school.teacher(), RightsTools.EXPORT_SCOPE), RightsTools.EXPORT, forStudent));
        String refusedElsewhere = McpOverHttp.errorText(mcp.result(McpOverHttp.token(Role.ADMINISTRATOR,
                elsewhere.tenant().value(), UUID.randomUUID(), RightsTools.EXPORT_SCOPE), RightsTools.EXPORT,
                forStudent));

        assertThat(refusedToClassmate).isEqualTo(NOT_SELF);
        assertThat(refusedToTeacher).isEqualTo(NOT_SELF);
        assertThat(refusedElsewhere).doesNotContain(student.value().toString());
        assertThat(world.auditEntries(school.tenant())).as("nothing disclosed when refused").isEmpty();
        assertThat(world.auditEntries(elsewhere.tenant())).isEmpty();

        JsonNode own = mcp.result(token(school.tenant(), Role.STUDENT, student, RightsTools.EXPORT_SCOPE),
                RightsTools.EXPORT, Json.object());
        JsonNode byAdministrator = mcp.result(McpOverHttp.token(Role.ADMINISTRATOR, school.tenant().value(),
                administrator, RightsTools.EXPORT_SCOPE), RightsTools.EXPORT, forStudent);

        assertThat(own.path("structuredContent").path("submissions")).hasSize(1);
        assertThat(byAdministrator.path("structuredContent").path("studentId").asString())
                .isEqualTo(student.value().toString());
        List<String> audit = world.auditEntries(school.tenant());
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).contains("\"type\":\"disclosure\"", "\"tool\":\"export_student_data\"",
                "\"basis\":\"own_record\"", "\"actor\":\"" + student.value() + "\"",
                "\"student\":\"" + student.value() + "\"", "\"submissions\"");
        assertThat(audit.get(1)).contains("\"type\":\"disclosure\"", "\"basis\":\"institution_administrator\"",
                "\"actor\":\"" + administrator + "\"");
    }

    @Test
    void consentsShownAndChangedAreRecorded() {
        var school = world.school(2);
        PersonId student = school.students().get(0);
        PersonId classmate = school.students().get(1);
        UUID administrator = UUID.randomUUID();
        ObjectNode forStudent = Json.object().put("studentId", student.value().toString());

        assertThat(McpOverHttp.errorText(mcp.result(token(school.tenant(), Role.STUDENT, classmate,
                "consent:read"), "get_consents", forStudent))).isEqualTo(NOT_SELF);
        assertThat(world.auditEntries(school.tenant())).isEmpty();

        mcp.result(token(school.tenant(), Role.STUDENT, student, "consent:read"), "get_consents", forStudent);
        ObjectNode withdrawal = forStudent.deepCopy();
        withdrawal.putArray("purposes").add("profiling");
        mcp.result(token(school.tenant(), Role.STUDENT, student, "consent:write"), "withdraw_consent", withdrawal);
        ObjectNode consent = forStudent.deepCopy().put("givenBy", "institution");
        consent.putArray("purposes").add("analysis");
        mcp.result(McpOverHttp.token(Role.ADMINISTRATOR, school.tenant().value(), administrator, "consent:write"),
                "record_consent", consent);

        List<String> audit = world.auditEntries(school.tenant());
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0)).contains("\"type\":\"disclosure\"", "\"tool\":\"get_consents\"",
                "\"disclosed\":[\"consent\"]", "\"basis\":\"own_record\"");
        assertThat(audit.get(1)).contains("\"action\":\"consent.withdrawn\"", "\"actor_role\":\"student\"",
                "\"target\":\"" + student.value() + "\"");
        assertThat(audit.get(2)).contains("\"action\":\"consent.recorded\"", "\"actor\":\"" + administrator + "\"");
    }

    @Test
    void requestsAndRetentionPoliciesAreRecordedAsTheCallersActs() {
        var school = world.school(1);
        PersonId student = school.students().get(0);
        UUID administrator = UUID.randomUUID();
        String admin = McpOverHttp.token(Role.ADMINISTRATOR, school.tenant().value(), administrator,
                RightsTools.REQUESTS_WRITE_SCOPE, RetentionTools.SCOPE);

        JsonNode filed = mcp.result(admin, RightsTools.FILE, Json.object()
                .put("studentId", student.value().toString()).put("kind", "export").put("regime", "ferpa"));
        mcp.result(token(school.tenant(), Role.STUDENT, student, RightsTools.ERASE_SCOPE), RightsTools.ERASE,
                Json.object().put("studentId", student.value().toString()));
        mcp.result(admin, RetentionTools.SET, Json.object().put("category", "alerts").put("periodDays", 200));

        List<String> audit = world.auditEntries(school.tenant());
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0)).contains("\"action\":\"data_request.filed\"", "\"target\":\"" + student.value()
                + ":" + filed.path("structuredContent").path("requestId").asString() + "\"");
        assertThat(audit.get(1)).contains("\"action\":\"data_request.filed\"", "\"actor_role\":\"student\"");
        assertThat(audit.get(2)).contains("\"action\":\"retention.policy_set\"", "\"target\":\"alerts:200\"");
    }

    @Test
    void aRosterImportRetiresCachedDecisionsAboutThePeopleItChanged() {
        TenantId tenant = TenantId.random();
        world.store().institutions().register(tenant, "Institution " + tenant);
        String admin = McpOverHttp.token(Role.ADMINISTRATOR, tenant.value(), UUID.randomUUID(), "roster:write");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonNode imported = mcp.result(admin, "import_roster", roster(today.minusDays(10), Optional.empty()))
                .path("structuredContent");
        PersonId teacher = new PersonId(UUID.fromString(imported.path("pseudonyms").path(0).path("personId")
                .asString()));
        PersonId student = new PersonId(UUID.fromString(imported.path("pseudonyms").path(1).path("personId")
                .asString()));
        Caller educator = new Caller("teacher", Optional.of(tenant.value()), Role.EDUCATOR,
                Optional.of(teacher.value()), Set.of());
        var policy = world.governance.access().policy();
        assertThat(policy.student(educator, tenant, student)).isInstanceOf(Decision.Permitted.class);

        mcp.result(admin, "import_roster", roster(today.minusDays(10), Optional.of(today.minusDays(1))));

        assertThat(policy.student(educator, tenant, student)).as("the ended teaching is seen at once")
                .isInstanceOf(Decision.Denied.class);
        assertThat(world.auditEntries(tenant)).hasSize(2).allSatisfy(entry -> assertThat(entry)
                .contains("\"action\":\"roster.imported\"", "\"target\":\"" + tenant + "\""));
    }

    private static ObjectNode roster(LocalDate startsOn, Optional<LocalDate> teacherEndsOn) {
        ObjectNode roster = Json.object();
        ArrayNode people = roster.putArray("people");
        ObjectNode teaching = people.addObject().put("lmsUserId", "teacher-1").putArray("enrollments").addObject()
                .put("courseCode", "moodle:77").put("role", "teacher").put("startsOn", startsOn.toString());
        teacherEndsOn.ifPresent(day -> teaching.put("endsOn", day.toString()));
        people.addObject().put("lmsUserId", "student-1").putArray("enrollments").addObject()
                .put("courseCode", "moodle:77").put("role", "student").put("startsOn", startsOn.toString());
        return roster;
    }

    private static String token(TenantId tenant, Role role, PersonId person, String... scopes) {
        return McpOverHttp.token(role, tenant.value(), person.value(), scopes);
    }
}
