package org.margin.access.relationship;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.client.config.ClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.access.support.School;
import org.margin.access.support.TestDatabase;
import org.margin.grid.Grid;
import org.margin.grid.config.GridConfigs;
import org.margin.grid.config.GridProfile;
import org.margin.grid.member.LocalGrid;
import org.margin.store.Store;
import org.margin.store.course.EnrollmentRole;
import org.margin.store.people.PersonId;

/**
 * A cached decision holds until an enrolment change retires it: on this instance, and through the grid on others. A
 * refusal is not kept, so an enrolment added needs no announcement.
 */
class RelationshipCacheTest {

    private static final Duration LONG = Duration.ofHours(1);

    private static Store store;

    @BeforeAll
    static void openStore() {
        store = TestDatabase.store().build();
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void anEndedStudentEnrolmentRetiresTheCachedDecision() {
        School school = School.create(store);
        RelationshipCache cache = new RelationshipCache(store.enrollments(), new LocalEpochs(), LONG, 1_000);
        LocalDate today = School.today();
        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today)).isTrue();

        endYesterday(school, school.student(), EnrollmentRole.STUDENT);
        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today))
                .as("still cached: the change was not announced").isTrue();

        cache.enrolmentChanged(school.tenant(), school.student());
        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today)).isFalse();
    }

    @Test
    void studentsDecidedTogetherGiveTheSameAnswersAndKeepThoseThatHoldAsOneByOneDoes() {
        School school = School.create(store);
        RelationshipCache cache = new RelationshipCache(store.enrollments(), new LocalEpochs(), LONG, 1_000);
        LocalDate today = School.today();
        List<PersonId> page = List.of(school.student(), school.otherStudent(), school.leaver(), school.newcomer());

        Set<PersonId> seen = cache.studentsEducatorSees(school.tenant(), school.teacher(), page, today);

        RelationshipCache oneByOne = new RelationshipCache(store.enrollments(), new LocalEpochs(), LONG, 1_000);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(page.stream()
                .filter(student -> oneByOne.educatorSeesStudent(school.tenant(), school.teacher(), student, today))
                .toList());
        assertThat(seen).contains(school.student()).doesNotContain(school.otherStudent());

        endYesterday(school, school.student(), EnrollmentRole.STUDENT);
        store.enrollments().enroll(school.tenant(), school.courseA(), school.otherStudent(), EnrollmentRole.STUDENT,
                today, Optional.empty());
        assertThat(cache.studentsEducatorSees(school.tenant(), school.teacher(), page, today))
                .as("the fact kept until the change is announced; the refusal asked again")
                .contains(school.student(), school.otherStudent());
        cache.enrolmentChanged(school.tenant(), school.student());
        assertThat(cache.studentsEducatorSees(school.tenant(), school.teacher(), page, today))
                .doesNotContain(school.student()).contains(school.otherStudent());
        assertThat(cache.studentsEducatorSees(school.tenant(), school.teacher(), List.of(), today)).isEmpty();
    }

    @Test
    void aRefusalIsNotKeptSoAnEnrolmentAddedLaterCountsWithoutAnnouncement() {
        School school = School.create(store);
        RelationshipCache cache = new RelationshipCache(store.enrollments(), new LocalEpochs(), LONG, 1_000);
        LocalDate today = School.today();
        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.otherStudent(), today))
                .isFalse();
        assertThat(cache.educatorTeaches(school.tenant(), school.otherTeacher(), school.courseA(), today)).isFalse();

        store.enrollments().enroll(school.tenant(), school.courseA(), school.otherStudent(), EnrollmentRole.STUDENT,
                today, Optional.empty());
        store.enrollments().enroll(school.tenant(), school.courseA(), school.otherTeacher(), EnrollmentRole.TEACHER,
                today, Optional.empty());

        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.otherStudent(), today))
                .isTrue();
        assertThat(cache.educatorTeaches(school.tenant(), school.otherTeacher(), school.courseA(), today)).isTrue();
    }

    @Test
    void anEndedTeachingEnrolmentRetiresBothKindsOfDecision() {
        School school = School.create(store);
        RelationshipCache cache = new RelationshipCache(store.enrollments(), new LocalEpochs(), LONG, 1_000);
        LocalDate today = School.today();
        assertThat(cache.educatorTeaches(school.tenant(), school.teacher(), school.courseA(), today)).isTrue();
        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today)).isTrue();

        endYesterday(school, school.teacher(), EnrollmentRole.TEACHER);
        cache.enrolmentChanged(school.tenant(), school.teacher());
        assertThat(cache.educatorTeaches(school.tenant(), school.teacher(), school.courseA(), today)).isFalse();
        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today)).isFalse();
    }

    @Test
    void aDecisionLastsNoLongerThanItsTimeToLive() throws InterruptedException {
        School school = School.create(store);
        RelationshipCache cache = new RelationshipCache(store.enrollments(), new LocalEpochs(),
                Duration.ofMillis(200), 1_000);
        LocalDate today = School.today();
        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today)).isTrue();
        endYesterday(school, school.student(), EnrollmentRole.STUDENT);
        Thread.sleep(300);
        assertThat(cache.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today)).isFalse();
    }

    @Test
    void anEnrolmentChangeAnnouncedOnOneInstanceRetiresTheDecisionOnAnother() {
        School school = School.create(store);
        LocalDate today = School.today();
        try (LocalGrid members = LocalGrid.start("access-test-" + UUID.randomUUID(), freePort(), 1);
             Grid gridA = trusted(members);
             Grid gridB = trusted(members)) {
            RelationshipCache instanceA = new RelationshipCache(store.enrollments(), new GridEpochs(gridA), LONG,
                    1_000);
            RelationshipCache instanceB = new RelationshipCache(store.enrollments(), new GridEpochs(gridB), LONG,
                    1_000);
            assertThat(instanceA.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today))
                    .isTrue();
            assertThat(instanceB.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today))
                    .isTrue();

            endYesterday(school, school.student(), EnrollmentRole.STUDENT);
            assertThat(instanceB.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today))
                    .as("still cached on B: the change was not announced").isTrue();

            instanceA.enrolmentChanged(school.tenant(), school.student());
            assertThat(instanceB.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today))
                    .isFalse();
            assertThat(instanceA.educatorSeesStudent(school.tenant(), school.teacher(), school.student(), today))
                    .isFalse();
        }
    }

    /** Ends the person's enrolment in course A with yesterday as its last day. */
    private static void endYesterday(School school, PersonId person, EnrollmentRole role) {
        assertThat(store.enrollments().end(school.tenant(), school.courseA(), person, role,
                School.today().minusDays(1))).isEqualTo(1);
    }

    private static Grid trusted(LocalGrid members) {
        ClientConfig config = GridConfigs.client(GridProfile.LOCAL);
        config.setClusterName(members.clusterName());
        config.setInstanceName("client-" + UUID.randomUUID());
        config.getNetworkConfig().setAddresses(members.addresses());
        Grid grid = Grid.builder().clientConfig(config)
                .pseudonymKey("a test key of thirty-two bytes or more".getBytes()).build();
        grid.connect();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!grid.trusted()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the grid client did not connect and register within 30 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
        return grid;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
