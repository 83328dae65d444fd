package org.margin.store.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

class ClassAnalyticsTest {

    private static final Instant TERM = Instant.parse("2026-09-10T09:00:00Z");

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
    void theDistributionOfEveryMetricMatchesTheRecordedSubmissions() {
        World world = World.create(store, 8);
        Random random = new Random(11);
        List<WritingMetrics> recorded = new ArrayList<>();
        int day = 0;
        for (PersonId student : world.students()) {
            for (int i = 0; i < 3; i++) {
                WritingMetrics metrics = SampleMetrics.draw(random);
                store.profiles().record(world.tenant(), submit(world, student, TERM.plus(Duration.ofDays(day++))),
                        metrics);
                recorded.add(metrics);
            }
        }

        ClassDistribution distribution = store.classAnalytics().distribution(world.tenant(), world.course(),
                TimeWindow.always(), 5, Consistency.READ_YOUR_WRITES);

        assertThat(distribution).isInstanceOfSatisfying(ClassDistribution.Available.class, available -> {
            assertThat(available.students()).isEqualTo(8);
            assertThat(available.submissions()).isEqualTo(24);
            for (Metric metric : Metric.values()) {
                double[] values = recorded.stream().mapToDouble(m -> m.value(metric)).sorted().toArray();
                MetricDistribution figures = available.metrics().get(metric);
                assertThat(figures.mean()).as(metric.name()).isCloseTo(ProfilesTest.mean(values), within(1e-9));
                assertThat(figures.standardDeviation()).isCloseTo(ProfilesTest.sampleDeviation(values), within(1e-9));
                assertThat(figures.p10()).isCloseTo(percentile(values, 0.10), within(1e-9));
                assertThat(figures.p25()).isCloseTo(percentile(values, 0.25), within(1e-9));
                assertThat(figures.median()).isCloseTo(percentile(values, 0.50), within(1e-9));
                assertThat(figures.p75()).isCloseTo(percentile(values, 0.75), within(1e-9));
                assertThat(figures.p90()).isCloseTo(percentile(values, 0.90), within(1e-9));
            }
        });
    }

    @Test
    void aWindowWithTooFewStudentsIsWithheld() {
        World world = World.create(store, 6);
        Random random = new Random(13);
        for (int i = 0; i < world.students().size(); i++) {
            store.profiles().record(world.tenant(),
                    submit(world, world.students().get(i), TERM.plus(Duration.ofDays(i))), SampleMetrics.draw(random));
        }

        assertThat(store.classAnalytics().distribution(world.tenant(), world.course(), TimeWindow.always(), 5,
                Consistency.READ_YOUR_WRITES)).isInstanceOf(ClassDistribution.Available.class);
        assertThat(store.classAnalytics().distribution(world.tenant(), world.course(),
                new TimeWindow(TERM, TERM.plus(Duration.ofDays(4))), 5, Consistency.READ_YOUR_WRITES))
                .isEqualTo(new ClassDistribution.Withheld(4, 5));
        assertThatThrownBy(() -> store.classAnalytics().distribution(world.tenant(), world.course(),
                TimeWindow.always(), 1, Consistency.READ_YOUR_WRITES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SubmissionId submit(World world, PersonId student, Instant at) {
        return store.submissions().submit(world.tenant(),
                new NewSubmission(world.course(), student, at, World.opaque("essay")));
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
    private static double percentile(double[] sorted, double fraction) {
        double rank = fraction * (sorted.length - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted[below] + (rank - below) * (sorted[above] - sorted[below]);
    }

}
