package org.margin.store.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.people.PersonId;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;

/** Recordings of one tenant written together in one statement ({@link Profiles#recordAll}). */
class GroupedRecordingTest {

    private static final Instant FIRST = Instant.parse("2026-09-10T09:00:00Z");
    private static final String AGGREGATES = """
            SELECT submission_count, first_submitted_at, last_submitted_at, %s
            FROM profile_aggregates WHERE institution_id = ? AND student_id = ?"""
            .formatted(Metric.eachColumn(column -> column + "_sum, " + column + "_sum_squares"));

    private static Store store;

    @BeforeAll
    static void open() {
        store = TestDatabases.patientStore(TestDatabases.shared()).build();
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void aGroupOverSeveralStudentsAnswersAndAddsUpAsRecordingOneAfterAnotherWould() {
        World grouped = World.create(store, 3);
        World sequential = World.create(store, 3);
        // Earlier submissions of the first two students (the third has no profile yet), then one more each; the
        // second student's new one was handed in before their last, so their latest stays the earlier one's.
        List<Planned> history = List.of(new Planned(0, 0, 1), new Planned(0, 2, 2), new Planned(1, 5, 3));
        List<Planned> group = List.of(new Planned(0, 4, 4), new Planned(1, 1, 5), new Planned(2, 3, 6));
        recordOneByOne(grouped, history);
        recordOneByOne(sequential, history);

        List<Recording> together = recordTogether(grouped, group);
        List<Recording> oneByOne = recordOneByOne(sequential, group);

        assertThat(together).containsExactly(new Recording.Recorded(3, day(4)), new Recording.Recorded(2, day(5)),
                new Recording.Recorded(1, day(3)));
        assertThat(together).isEqualTo(oneByOne);
        for (int student = 0; student < 3; student++) {
            assertSameAggregates(grouped, sequential, student);
        }
    }

    @Test
    void twoSubmissionsOfOneStudentInAGroupAreCountedOneAfterTheOther() {
        World grouped = World.create(store, 1);
        World sequential = World.create(store, 1);
        List<Planned> history = List.of(new Planned(0, 0, 1), new Planned(0, 1, 2));
        // The second of the group was handed in before the first: its profile's latest is the first's.
        List<Planned> group = List.of(new Planned(0, 6, 3), new Planned(0, 4, 4));
        recordOneByOne(grouped, history);
        recordOneByOne(sequential, history);

        List<Recording> together = recordTogether(grouped, group);
        List<Recording> oneByOne = recordOneByOne(sequential, group);

        assertThat(together).containsExactly(new Recording.Recorded(3, day(6)), new Recording.Recorded(4, day(6)));
        assertThat(together).isEqualTo(oneByOne);
        assertSameAggregates(grouped, sequential, 0);
        assertThat(aggregates(grouped, 0).count()).isEqualTo(4);
    }

    @Test
    void aSubmissionTwiceInAGroupOrRecordedBeforeIsAlreadyRecorded() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        SubmissionId before = submit(world, new Planned(0, 0, 1));
        WritingMetrics first = SampleMetrics.draw(new Random(1));
        store.profiles().record(world.tenant(), before, first);
        SubmissionId fresh = submit(world, new Planned(0, 1, 2));
        WritingMetrics recorded = SampleMetrics.draw(new Random(2));

        List<Recording> recordings = store.profiles().recordAll(world.tenant(), List.of(
                new SubmissionMetrics(before, SampleMetrics.draw(new Random(3))),
                new SubmissionMetrics(fresh, recorded),
                new SubmissionMetrics(fresh, SampleMetrics.draw(new Random(4)))));

        assertThat(recordings).containsExactly(new Recording.AlreadyRecorded(), new Recording.Recorded(2, day(1)),
                new Recording.AlreadyRecorded());
        Profile profile = store.profiles().profile(world.tenant(), student, Consistency.READ_YOUR_WRITES)
                .orElseThrow();
        assertThat(profile.submissions()).isEqualTo(2);
        assertThat(profile.metrics().get(Metric.MTLD).mean())
                .isCloseTo((first.value(Metric.MTLD) + recorded.value(Metric.MTLD)) / 2, within(1e-9));
    }

    @Test
    void anUnknownSubmissionAmongKnownOnesIsTheOnlyOneNotRecorded() {
        World world = World.create(store, 2);
        World elsewhere = World.create(store, 1);
        SubmissionId known = submit(world, new Planned(0, 0, 1));
        SubmissionId another = submit(world, new Planned(1, 1, 2));
        SubmissionId otherTenants = submit(elsewhere, new Planned(0, 2, 3));

        List<Recording> recordings = store.profiles().recordAll(world.tenant(), List.of(
                new SubmissionMetrics(known, SampleMetrics.draw(new Random(5))),
                new SubmissionMetrics(new SubmissionId(UUID.randomUUID()), SampleMetrics.draw(new Random(6))),
                new SubmissionMetrics(otherTenants, SampleMetrics.draw(new Random(7))),
                new SubmissionMetrics(another, SampleMetrics.draw(new Random(8)))));

        assertThat(recordings).containsExactly(new Recording.Recorded(1, day(0)), new Recording.UnknownSubmission(),
                new Recording.UnknownSubmission(), new Recording.Recorded(1, day(1)));
        assertThat(store.profiles().profile(elsewhere.tenant(), elsewhere.students().getFirst(),
                Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    /** A submission of the world's {@code student}-th student, handed in {@code day} days after the first. */
    private record Planned(int student, int day, long seed) {
        WritingMetrics metrics() {
            return SampleMetrics.draw(new Random(seed));
        }
    }

    private record Aggregates(long count, Instant first, Instant last, double[] sums) {
    }

    private static List<Recording> recordOneByOne(World world, List<Planned> submissions) {
        return submissions.stream().map(planned -> store.profiles().record(world.tenant(), submit(world, planned),
                planned.metrics())).toList();
    }

    private static List<Recording> recordTogether(World world, List<Planned> submissions) {
        return store.profiles().recordAll(world.tenant(), submissions.stream()
                .map(planned -> new SubmissionMetrics(submit(world, planned), planned.metrics())).toList());
    }

    private static SubmissionId submit(World world, Planned planned) {
        return store.submissions().submit(world.tenant(), new NewSubmission(world.course(),
                world.students().get(planned.student()), day(planned.day()), World.opaque("text " + planned)));
    }

    private static Instant day(int day) {
        return FIRST.plus(Duration.ofDays(day));
    }

    private static void assertSameAggregates(World grouped, World sequential, int student) {
        Aggregates together = aggregates(grouped, student);
        Aggregates oneByOne = aggregates(sequential, student);
        assertThat(together.count()).as("student %d's count", student).isEqualTo(oneByOne.count());
        assertThat(together.first()).as("student %d's first", student).isEqualTo(oneByOne.first());
        assertThat(together.last()).as("student %d's last", student).isEqualTo(oneByOne.last());
        for (int i = 0; i < together.sums().length; i++) {
            // Added in another order, so equal but for rounding.
            assertThat(together.sums()[i]).as("student %d's sum %d", student, i)
                    .isCloseTo(oneByOne.sums()[i], within(Math.abs(oneByOne.sums()[i]) * 1e-12));
        }
    }

    /** Read as the owner, whom row-level security does not bind, so the test sets no tenant. */
    private static Aggregates aggregates(World world, int student) {
        try (Connection owner = TestDatabases.asOwner(TestDatabases.shared());
             PreparedStatement read = owner.prepareStatement(AGGREGATES)) {
            read.setObject(1, world.tenant().value());
            read.setObject(2, world.students().get(student).value());
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).as("student %d's profile", student).isTrue();
                double[] sums = new double[2 * Metric.values().length];
                for (Metric metric : Metric.values()) {
                    sums[2 * metric.ordinal()] = row.getDouble(metric.column() + "_sum");
                    sums[2 * metric.ordinal() + 1] = row.getDouble(metric.column() + "_sum_squares");
                }
                return new Aggregates(row.getLong("submission_count"),
                        row.getObject("first_submitted_at", OffsetDateTime.class).toInstant(),
                        row.getObject("last_submitted_at", OffsetDateTime.class).toInstant(), sums);
            }
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
