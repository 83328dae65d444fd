package org.margin.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.access.relationship.LocalEpochs;
import org.margin.access.relationship.Membership;
import org.margin.access.relationship.RelationshipCache;
import org.margin.access.support.School;
import org.margin.access.support.TestDatabase;
import org.margin.runtime.auth.Caller;
import org.margin.runtime.auth.Role;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.Actor;

/**
 * Every refusal twice: by the policy, and by PostgreSQL's row-level security for a store acting as that caller,
 * which finds nothing even when asked for the exact row.
 */
class AccessPolicyTest {

    private static Store store;
    private static AccessPolicy policy;
    private static School school;
    private static School elsewhere;

    @BeforeAll
    static void twoSchools() {
        store = TestDatabase.store().build();
        policy = new AccessPolicy(new RelationshipCache(store.enrollments(), new LocalEpochs(), Duration.ofMinutes(1),
                10_000), new Membership(store.people(), store.courses(), Duration.ofMinutes(1), 10_000),
                Clock.systemUTC());
        school = School.create(store);
        elsewhere = School.create(store);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void anEducatorSeesTheStudentsOfTheCourseTheyTeachToday() {
        Caller teacher = educator(school, school.teacher());
        assertThat(policy.student(teacher, school.tenant(), school.student()))
                .isEqualTo(new Decision.Permitted(Basis.LEGITIMATE_EDUCATIONAL_INTEREST));
        assertThat(visible(teacher, school.studentWork())).isTrue();
        assertThat(identityVisible(teacher, school.student())).isTrue();
        assertThat(identityVisible(teacher, school.teacher())).as("own identity").isTrue();
    }

    @Test
    void studentsDecidedTogetherAreDecidedAsOneByOneInTheirOrderEachOnce() {
        AccessPolicy cold = new AccessPolicy(new RelationshipCache(store.enrollments(), new LocalEpochs(),
                Duration.ofMinutes(1), 10_000), new Membership(store.people(), store.courses(), Duration.ofMinutes(1),
                10_000), Clock.systemUTC());
        Caller teacher = educator(school, school.teacher());
        List<PersonId> page = List.of(school.leaver(), school.student(), school.otherStudent(), school.student(),
                school.newcomer(), elsewhere.student());

        Map<PersonId, Decision> decided = cold.students(teacher, school.tenant(), page);

        assertThat(decided.keySet()).containsExactly(school.leaver(), school.student(), school.otherStudent(),
                school.newcomer(), elsewhere.student());
        assertThat(decided.get(school.student()))
                .isEqualTo(new Decision.Permitted(Basis.LEGITIMATE_EDUCATIONAL_INTEREST));
        decided.forEach((student, decision) -> assertThat(decision).as(student.toString())
                .isEqualTo(policy.student(teacher, school.tenant(), student)));
        assertThat(cold.students(educator(elsewhere, elsewhere.teacher()), school.tenant(), page).values())
                .containsOnly(new Decision.Denied(DenialReason.OTHER_TENANT));
    }

    @Test
    void anEducatorOfAnotherCourseIsDenied() {
        Caller other = educator(school, school.otherTeacher());
        assertThat(policy.student(other, school.tenant(), school.student()))
                .isEqualTo(new Decision.Denied(DenialReason.NO_CURRENT_RELATIONSHIP));
        assertThat(visible(other, school.studentWork())).isFalse();
        assertThat(identityVisible(other, school.student())).isFalse();
        assertThat(visible(other, school.otherStudentWork())).as("their own course's student").isTrue();
    }

    @Test
    void anEndedEnrolmentOfTheStudentOrOfTheEducatorIsDenied() {
        Caller teacher = educator(school, school.teacher());
        assertThat(policy.student(teacher, school.tenant(), school.leaver()))
                .isEqualTo(new Decision.Denied(DenialReason.NO_CURRENT_RELATIONSHIP));
        assertThat(visible(teacher, school.leaverWork())).isFalse();

        Caller former = educator(school, school.formerTeacher());
        assertThat(policy.student(former, school.tenant(), school.student()))
                .isEqualTo(new Decision.Denied(DenialReason.NO_CURRENT_RELATIONSHIP));
        assertThat(visible(former, school.studentWork())).isFalse();
        assertThat(policy.course(former, school.tenant(), school.courseA()))
                .isEqualTo(new Decision.Denied(DenialReason.NOT_TEACHING_COURSE));
    }

    @Test
    void aFutureEnrolmentIsDenied() {
        Caller teacher = educator(school, school.teacher());
        assertThat(policy.student(teacher, school.tenant(), school.newcomer()))
                .isEqualTo(new Decision.Denied(DenialReason.NO_CURRENT_RELATIONSHIP));
        assertThat(visible(teacher, school.newcomerWork())).isFalse();
    }

    @Test
    void aStudentSeesOwnRecordsAndNoOneElses() {
        Caller student = new Caller("s", Optional.of(school.tenant().value()), Role.STUDENT,
                Optional.of(school.student().value()), Set.of());
        assertThat(policy.student(student, school.tenant(), school.student()))
                .isEqualTo(new Decision.Permitted(Basis.OWN_RECORD));
        assertThat(visible(student, school.studentWork())).isTrue();
        assertThat(policy.student(student, school.tenant(), school.otherStudent()))
                .isEqualTo(new Decision.Denied(DenialReason.NOT_OWN_RECORD));
        assertThat(visible(student, school.otherStudentWork())).isFalse();
        assertThat(identityVisible(student, school.otherStudent())).isFalse();
        assertThat(policy.course(student, school.tenant(), school.courseA()))
                .isEqualTo(new Decision.Denied(DenialReason.NOT_OWN_RECORD));
    }

    @Test
    void anotherTenantIsDeniedWhateverTheRole() {
        for (Role role : Role.values()) {
            Caller caller = new Caller("x", Optional.of(elsewhere.tenant().value()), role,
                    Optional.of(elsewhere.teacher().value()), Set.of());
            assertThat(policy.student(caller, school.tenant(), school.student())).as(role.name())
                    .isEqualTo(new Decision.Denied(DenialReason.OTHER_TENANT));
            assertThat(policy.course(caller, school.tenant(), school.courseA())).as(role.name())
                    .isEqualTo(new Decision.Denied(DenialReason.OTHER_TENANT));
        }
        Caller noTenant = new Caller("svc", Optional.empty(), Role.SERVICE, Optional.empty(), Set.of());
        assertThat(policy.student(noTenant, school.tenant(), school.student()))
                .isEqualTo(new Decision.Denied(DenialReason.OTHER_TENANT));
        Store asAdministratorElsewhere = store.actingFor(Actor.administrator(Optional.empty()));
        assertThat(asAdministratorElsewhere.submissions().find(elsewhere.tenant(), school.studentWork(),
                Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void anAdministratorCannotPointTheirTenantAtAnotherInstitutionsIds() {
        Caller administrator = new Caller("a", Optional.of(elsewhere.tenant().value()), Role.ADMINISTRATOR,
                Optional.of(elsewhere.teacher().value()), Set.of());
        assertThat(policy.student(administrator, elsewhere.tenant(), school.student()))
                .isEqualTo(new Decision.Denied(DenialReason.NOT_OF_INSTITUTION));
        assertThat(policy.course(administrator, elsewhere.tenant(), school.courseA()))
                .isEqualTo(new Decision.Denied(DenialReason.NOT_OF_INSTITUTION));
        assertThat(policy.student(administrator, elsewhere.tenant(), elsewhere.student()))
                .isEqualTo(new Decision.Permitted(Basis.INSTITUTION_ADMINISTRATOR));
        assertThat(policy.course(administrator, elsewhere.tenant(), elsewhere.courseA()))
                .isEqualTo(new Decision.Permitted(Basis.INSTITUTION_ADMINISTRATOR));
    }

    @Test
    void anAdministratorSeesTheirWholeInstitution() {
        Caller administrator = new Caller("a", Optional.of(school.tenant().value()), Role.ADMINISTRATOR,
                Optional.empty(), Set.of());
        assertThat(policy.student(administrator, school.tenant(), school.leaver()))
                .isEqualTo(new Decision.Permitted(Basis.INSTITUTION_ADMINISTRATOR));
        assertThat(policy.course(administrator, school.tenant(), school.courseB()))
                .isEqualTo(new Decision.Permitted(Basis.INSTITUTION_ADMINISTRATOR));
        assertThat(visible(administrator, school.leaverWork())).isTrue();
        assertThat(visible(administrator, school.newcomerWork())).isTrue();
    }

    @Test
    void aServiceDisclosesNothingThroughAToolButProcessesTheWholeTenant() {
        Caller service = new Caller("svc", Optional.of(school.tenant().value()), Role.SERVICE, Optional.empty(),
                Set.of());
        assertThat(policy.student(service, school.tenant(), school.student()))
                .isEqualTo(new Decision.Denied(DenialReason.SERVICE_DISCLOSES_NOTHING));
        assertThat(policy.course(service, school.tenant(), school.courseA()))
                .isEqualTo(new Decision.Denied(DenialReason.SERVICE_DISCLOSES_NOTHING));
        assertThat(store.actor()).isEqualTo(Actor.SERVICE);
        assertThat(store.submissions().find(school.tenant(), school.leaverWork(), Consistency.READ_YOUR_WRITES))
                .isPresent();
    }

    @Test
    void courseViewsOnlyForTheCoursesAnEducatorTeachesToday() {
        assertThat(policy.course(educator(school, school.teacher()), school.tenant(), school.courseA()))
                .isEqualTo(new Decision.Permitted(Basis.LEGITIMATE_EDUCATIONAL_INTEREST));
        assertThat(policy.course(educator(school, school.otherTeacher()), school.tenant(), school.courseA()))
                .isEqualTo(new Decision.Denied(DenialReason.NOT_TEACHING_COURSE));
    }

    @Test
    void aTokenNamingNoPersonIsDenied() {
        Caller nobody = new Caller("e", Optional.of(school.tenant().value()), Role.EDUCATOR, Optional.empty(),
                Set.of());
        assertThat(policy.student(nobody, school.tenant(), school.student()))
                .isEqualTo(new Decision.Denied(DenialReason.NO_PERSON));
    }

    @Test
    void aCraftedQueryOnAFreshConnectionSeesOnlyWhatTheActorMay() throws SQLException {
        String sql = "SELECT count(*) FROM submissions WHERE institution_id = ?::uuid AND student_id = ?::uuid";
        assertThat(countAs("educator", school.otherTeacher(), sql, school.student())).isZero();
        assertThat(countAs("educator", school.teacher(), sql, school.leaver())).isZero();
        assertThat(countAs("educator", school.teacher(), sql, school.newcomer())).isZero();
        assertThat(countAs("student", school.student(), sql, school.otherStudent())).isZero();
        assertThat(countAs("", school.teacher(), sql, school.student())).as("no actor: nothing").isZero();
        assertThat(countAs("educator", school.teacher(), sql, school.student())).as("control").isEqualTo(1);
    }

    @Test
    void aReusedPooledConnectionCarriesNoActorIntoTheNextTransaction() throws SQLException {
        String name = "access-test-" + UUID.randomUUID();
        try (Store pooled = TestDatabase.store().maxPoolSize(1).applicationName(name).build()) {
            Caller teacher = educator(school, school.teacher());
            Caller other = educator(school, school.otherTeacher());
            assertThat(pooled.actingFor(AccessPolicy.actor(teacher)).submissions()
                    .find(school.tenant(), school.studentWork(), Consistency.READ_YOUR_WRITES)).isPresent();
            assertThat(pooled.actingFor(AccessPolicy.actor(other)).submissions()
                    .find(school.tenant(), school.studentWork(), Consistency.READ_YOUR_WRITES)).isEmpty();
            assertThat(pooled.actingFor(AccessPolicy.actor(teacher)).submissions()
                    .find(school.tenant(), school.studentWork(), Consistency.READ_YOUR_WRITES)).isPresent();
            assertThat(pooled.actingFor(AccessPolicy.actor(other)).submissions()
                    .find(school.tenant(), school.studentWork(), Consistency.READ_YOUR_WRITES)).isEmpty();
            assertThat(backends(name)).as("every call ran on the one pooled session").isEqualTo(1);
        }
    }

    private static Caller educator(School at, PersonId person) {
        return new Caller("e", Optional.of(at.tenant().value()), Role.EDUCATOR, Optional.of(person.value()),
                Set.of());
    }

    private static boolean visible(Caller caller, SubmissionId submission) {
        return store.actingFor(AccessPolicy.actor(caller)).submissions()
                .find(school.tenant(), submission, Consistency.READ_YOUR_WRITES).isPresent();
    }

    private static boolean identityVisible(Caller caller, PersonId person) {
        return store.actingFor(AccessPolicy.actor(caller)).people()
                .identity(school.tenant(), person, Consistency.READ_YOUR_WRITES).isPresent();
    }

    /** A fresh session as the application role, with tenant and actor set as the store sets them. */
    private static long countAs(String role, PersonId actor, String sql, PersonId student) throws SQLException {
        try (Connection fresh = TestDatabase.asApp()) {
            fresh.setAutoCommit(false);
            try (PreparedStatement scope = fresh.prepareStatement("SELECT set_config('app.tenant', ?, true), "
                    + "set_config('app.actor_role', ?, true), set_config('app.actor_person', ?, true)")) {
                scope.setString(1, school.tenant().toString());
                scope.setString(2, role);
                scope.setString(3, actor.toString());
                scope.execute();
            }
            long total = 0;
            try (PreparedStatement query = fresh.prepareStatement(sql)) {
                for (int i = 1; i <= query.getParameterMetaData().getParameterCount(); i += 2) {
                    query.setString(i, school.tenant().toString());
                    query.setString(i + 1, student.toString());
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        total += rows.getLong(1);
                    }
                }
            }
            fresh.rollback();
            return total;
        }
    }

    private static long backends(String applicationName) throws SQLException {
        try (Connection owner = TestDatabase.asOwner();
             PreparedStatement query = owner.prepareStatement(
                     "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            query.setString(1, applicationName);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
