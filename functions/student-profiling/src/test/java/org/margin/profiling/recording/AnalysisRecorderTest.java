package org.margin.profiling.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.events.ProfileUpdated;
import org.margin.events.WritingAnalyzed;
import org.margin.audit.log.AuditLog;
import org.margin.profiling.ProfilingSettings;
import org.margin.profiling.StudentProfilingFunction;
import org.margin.profiling.support.School;
import org.margin.profiling.support.TestDatabase;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.submission.SubmissionId;

import io.opentelemetry.api.OpenTelemetry;

class AnalysisRecorderTest {

    private static final Instant FIRST = Instant.parse("2026-09-10T09:00:00Z");

    private static Store store;
    private static AnalysisRecorder recorder;

    @BeforeAll
    static void open() {
        store = TestDatabase.store();
        recorder = recorderOn(store);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void anAnalysisIsCountedOnceAndARedeliveryChangesNothing() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        SubmissionId earlier = school.submit(student, FIRST);
        SubmissionId later = school.submit(student, FIRST.plus(Duration.ofDays(3)));

        AnalysisRecording first = recorder.recordAnalysis(analyzed(school, student, later, 12));
        AnalysisRecording second = recorder.recordAnalysis(analyzed(school, student, earlier, 20));
        AnalysisRecording again = recorder.recordAnalysis(analyzed(school, student, earlier, 99));

        assertThat(first).isEqualTo(new AnalysisRecording.Updated(new ProfileUpdated(school.tenant().value(),
                school.course().value(), student.value(), later.value(), 1, FIRST.plus(Duration.ofDays(3)))));
        assertThat(second).isEqualTo(new AnalysisRecording.Updated(new ProfileUpdated(school.tenant().value(),
                school.course().value(), student.value(), earlier.value(), 2, FIRST.plus(Duration.ofDays(3)))));
        assertThat(again).as("counted before: the profile as it stands, to announce again")
                .isEqualTo(new AnalysisRecording.AlreadyRecorded(new ProfileUpdated(school.tenant().value(),
                        school.course().value(), student.value(), earlier.value(), 2, FIRST.plus(Duration.ofDays(3)))));
        var profile = store.profiles().profile(school.tenant(), student, Consistency.READ_YOUR_WRITES).orElseThrow();
        assertThat(profile.submissions()).isEqualTo(2);
        assertThat(profile.metrics().get(Metric.MTLD).mean()).isEqualTo(16.0);
    }

    @Test
    void analysesArrivingTogetherAreEachCountedOnceAsIfOneAfterAnother() throws InterruptedException {
        School school = School.create(store, 2);
        int each = 12;
        List<Callable<AnalysisRecording>> analyses = new ArrayList<>();
        for (PersonId student : school.students()) {
            for (int i = 0; i < each; i++) {
                WritingAnalyzed analysis = analyzed(school, student,
                        school.submit(student, FIRST.plus(Duration.ofHours(i))), 10 + i);
                analyses.add(() -> recorder.recordAnalysis(analysis));
            }
        }

        List<Future<AnalysisRecording>> recordings;
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            recordings = callers.invokeAll(analyses);
        }

        List<ProfileUpdated> announced = recordings.stream().map(Future::resultNow)
                .map(recording -> ((AnalysisRecording.Updated) recording).event()).toList();
        for (PersonId student : school.students()) {
            assertThat(announced).filteredOn(event -> event.studentId().equals(student.value()))
                    .extracting(ProfileUpdated::submissionCount)
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, each).boxed().toList());
            assertThat(store.profiles().profile(school.tenant(), student, Consistency.READ_YOUR_WRITES)
                    .orElseThrow().submissions()).isEqualTo(each);
        }
    }

    @Test
    void anUnknownSubmissionOrAFigureThatIsNotANumberIsRefused() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();

        assertThat(recorder.recordAnalysis(analyzed(school, student, new SubmissionId(UUID.randomUUID()), 1)))
                .isInstanceOf(AnalysisRecording.Refused.class);
        SubmissionId submission = school.submit(student, FIRST);
        assertThat(recorder.recordAnalysis(analyzed(school, student, submission, Double.NaN)))
                .isInstanceOf(AnalysisRecording.Refused.class);
        assertThat(store.profiles().profile(school.tenant(), student, Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void aFigureOutsideItsRangeIsRefusedAndStoresNothing() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        SubmissionId submission = school.submit(student, FIRST);
        WritingAnalyzed.Metrics ratioAboveOne = new WritingAnalyzed.Metrics(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5,
                OptionalDouble.of(1), 1, 1);

        assertThat(recorder.recordAnalysis(new WritingAnalyzed(school.tenant().value(), school.course().value(),
                submission.value(), student.value(), FIRST, ratioAboveOne)))
                .isInstanceOf(AnalysisRecording.Refused.class);
        assertThat(store.profiles().profile(school.tenant(), student, Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void anAnalysisWithoutMtldIsRefusedRatherThanCountedWithAMadeUpValue() {
        School school = School.create(store, 1);
        PersonId student = school.students().getFirst();
        SubmissionId submission = school.submit(student, FIRST);
        WritingAnalyzed.Metrics shortText = new WritingAnalyzed.Metrics(12, 1, 60, 15, 80, 3, 4, 3, 5, 4, 1.0,
                OptionalDouble.empty(), 12, 0);

        assertThat(recorder.recordAnalysis(new WritingAnalyzed(school.tenant().value(), school.course().value(),
                submission.value(), student.value(), FIRST, shortText)))
                .isEqualTo(new AnalysisRecording.Refused("the analysis has no MTLD, which a profile needs"));
        assertThat(store.profiles().profile(school.tenant(), student, Consistency.READ_YOUR_WRITES)).isEmpty();
    }

    @Test
    void anUnreachableStoreAsksForARetry() {
        try (Store away = Store.builder().primary("r2dbc:postgresql://127.0.0.1:9/margin", "margin_app", "none")
                .connectTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(2)).build()) {
            AnalysisRecording recording = recorderOn(away).recordAnalysis(new WritingAnalyzed(
                    UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), FIRST, metrics(1)));

            assertThat(recording).isInstanceOf(AnalysisRecording.RetryLater.class);
        }
    }

    private static AnalysisRecorder recorderOn(Store store) {
        return new StudentProfilingFunction(store, Optional.empty(), AuditLog.create(store.auditTrail()),
                ProfilingSettings.defaults(), Clock.systemUTC(), OpenTelemetry.noop().getMeter("test")).recorder();
    }

    private static WritingAnalyzed analyzed(School school, PersonId student, SubmissionId submission, double value) {
        return new WritingAnalyzed(school.tenant().value(), school.course().value(), submission.value(),
                student.value(), FIRST, metrics(value));
    }

    private static WritingAnalyzed.Metrics metrics(double value) {
        int count = (int) value;
        return new WritingAnalyzed.Metrics(count, count, count, count, value, value, value, value, value, value,
                value / 1000, OptionalDouble.of(value), value, value);
    }
}
