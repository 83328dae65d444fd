package org.margin.store.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.StoreRejectedException;
import org.margin.store.StoreRejectedException.Reason;
import org.margin.store.TestDatabases;
import org.margin.store.World;
import org.margin.store.people.PersonId;
import org.margin.store.submission.NewSubmission;
import org.margin.store.submission.SubmissionId;

class ProfilesTest {

    private static final Instant FIRST = Instant.parse("2026-09-10T09:00:00Z");

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
    void theProfileHoldsTheMeanAndDeviationOfEveryRecordedSubmission() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        Random random = new Random(7);
        List<WritingMetrics> recorded = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            WritingMetrics metrics = SampleMetrics.draw(random);
            SubmissionId submission = submit(world, student, FIRST.plus(Duration.ofDays(i)));
            assertThat(store.profiles().record(world.tenant(), submission, metrics))
                    .isEqualTo(new Recording.Recorded(i + 1, FIRST.plus(Duration.ofDays(i))));
            recorded.add(metrics);
        }

        Profile profile = store.profiles().profile(world.tenant(), student, Consistency.READ_YOUR_WRITES)
                .orElseThrow();

        assertThat(profile.submissions()).isEqualTo(12);
        assertThat(profile.firstSubmittedAt()).isEqualTo(FIRST);
        assertThat(profile.lastSubmittedAt()).isEqualTo(FIRST.plus(Duration.ofDays(11)));
        for (Metric metric : Metric.values()) {
            double[] values = recorded.stream().mapToDouble(m -> m.value(metric)).toArray();
            assertThat(profile.metrics().get(metric).mean()).as(metric.name()).isCloseTo(mean(values), within(1e-9));
            assertThat(profile.metrics().get(metric).standardDeviation()).as(metric.name())
                    .isCloseTo(sampleDeviation(values), within(1e-6));
        }
    }

    @Test
    void recordingTheSameSubmissionAgainChangesNothing() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        SubmissionId submission = submit(world, student, FIRST);
        WritingMetrics metrics = SampleMetrics.draw(new Random(1));

        assertThat(store.profiles().record(world.tenant(), submission, metrics)).isEqualTo(new Recording.Recorded(1, FIRST));
        assertThat(store.profiles().record(world.tenant(), submission, SampleMetrics.draw(new Random(2))))
                .isEqualTo(new Recording.AlreadyRecorded());

        Profile profile = store.profiles().profile(world.tenant(), student, Consistency.READ_YOUR_WRITES)
                .orElseThrow();
        assertThat(profile.submissions()).isEqualTo(1);
        assertThat(profile.metrics().get(Metric.MTLD).mean()).isEqualTo(metrics.value(Metric.MTLD));
    }

    @Test
    void recordingForAnUnknownSubmissionStoresNothing() {
        World world = World.create(store, 1);

        assertThat(store.profiles().record(world.tenant(), new SubmissionId(UUID.randomUUID()),
                SampleMetrics.draw(new Random(3)))).isEqualTo(new Recording.UnknownSubmission());
        assertThat(store.profiles().profile(world.tenant(), world.students().getFirst(),
                Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void aValueOutOfRangeIsRejectedAndLeavesTheProfileAlone() {
        World world = World.create(store, 1);
        SubmissionId submission = submit(world, world.students().getFirst(), FIRST);
        WritingMetrics impossible = SampleMetrics.with(SampleMetrics.draw(new Random(4)), Metric.TYPE_TOKEN_RATIO, 2);

        assertThatThrownBy(() -> store.profiles().record(world.tenant(), submission, impossible))
                .isInstanceOfSatisfying(StoreRejectedException.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(Reason.INVALID_VALUE));
        assertThat(store.profiles().profile(world.tenant(), world.students().getFirst(),
                Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void theTimeSeriesGivesTheLatestPointsOfTheWindowOldestFirst() {
        World world = World.create(store, 1);
        PersonId student = world.students().getFirst();
        Random random = new Random(5);
        List<SubmissionId> submissions = new ArrayList<>();
        for (int day = 0; day < 10; day++) {
            SubmissionId submission = submit(world, student, FIRST.plus(Duration.ofDays(day)));
            store.profiles().record(world.tenant(), submission, SampleMetrics.draw(random));
            submissions.add(submission);
        }
        TimeWindow days2to8 = new TimeWindow(FIRST.plus(Duration.ofDays(2)), FIRST.plus(Duration.ofDays(8)));

        List<MetricsPoint> latestThree = store.profiles().timeSeries(world.tenant(), student, days2to8, 3,
                Consistency.READ_YOUR_WRITES);

        assertThat(latestThree).extracting(MetricsPoint::submission)
                .containsExactly(submissions.get(5), submissions.get(6), submissions.get(7));
        assertThat(latestThree).extracting(MetricsPoint::course).containsOnly(world.course());
        assertThat(store.profiles().timeSeries(world.tenant(), student, TimeWindow.always(), 1000,
                Consistency.READ_YOUR_WRITES)).hasSize(10);
    }

    private static SubmissionId submit(World world, PersonId student, Instant at) {
        return store.submissions().submit(world.tenant(),
                new NewSubmission(world.course(), student, at, World.opaque("text at " + at)));
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    static double sampleDeviation(double[] values) {
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}
