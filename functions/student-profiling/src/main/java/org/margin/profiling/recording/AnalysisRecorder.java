package org.margin.profiling.recording;

import java.util.EnumMap;
import java.util.Map;

import org.margin.events.ProfileUpdated;
import org.margin.events.WritingAnalyzed;
import org.margin.platform.grouping.GroupSizes;
import org.margin.profiling.profile.ProfileSnapshots;
import org.margin.store.Consistency;
import org.margin.store.StoreRejectedException;
import org.margin.store.StoreUnavailableException;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Metric;
import org.margin.store.profile.Profiles;
import org.margin.store.profile.Recording;
import org.margin.store.profile.SubmissionMetrics;
import org.margin.store.profile.WritingMetrics;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.GroupCommit;
import org.margin.store.tenant.TenantId;

import io.opentelemetry.api.metrics.Meter;

/**
 * Folds an analysed submission into its student's profile, once per submission: the store's recording statement
 * adds nothing for a submission it has seen, so a redelivered event changes nothing and emits nothing. The
 * recordings of one institution that arrive together share that statement and its commit (a group commit), as the
 * ingress's submissions do: under load, a transaction per submission would spend more on BEGIN, the tenant's scope
 * and COMMIT than on the recording itself.
 */
public final class AnalysisRecorder {

    /** The most recordings one statement takes. */
    private static final int GROUP_SIZE = 64;
    /**
     * One statement of a tenant at a time: the recordings that arrive while it and its commit run make the next
     * group; alone, a recording waits for nothing.
     */
    private static final int GROUPS_IN_FLIGHT = 1;

    private final Profiles profiles;
    private final ProfileSnapshots snapshots;
    private final GroupCommit<SubmissionMetrics, Recording> recordings;

    /**
     * @param snapshots told of every student whose profile changed, once the store has committed the change
     * @param meter     where the size of each group of recordings written together is recorded
     *                  ({@code margin.profiling.group.size})
     */
    public AnalysisRecorder(Profiles profiles, ProfileSnapshots snapshots, Meter meter) {
        this.profiles = profiles;
        this.snapshots = snapshots;
        this.recordings = new GroupCommit<>(profiles::recordAll, GROUP_SIZE, GROUPS_IN_FLIGHT,
                GroupSizes.histogram(meter, "margin.profiling.group.size", "{submission}",
                        "Analysed submissions recorded in one statement and one commit (a group commit)."));
    }

    /** Records the event's figures; the outcome says whether to emit {@code profile.updated} and with what. */
    public AnalysisRecording recordAnalysis(WritingAnalyzed analyzed) {
        WritingAnalyzed.Metrics figures = analyzed.metrics();
        if (figures.mtld().isEmpty()) {
            // The store keeps every metric of every submission; a text too short for MTLD cannot be kept yet.
            return new AnalysisRecording.Refused("the analysis has no MTLD, which a profile needs");
        }
        WritingMetrics metrics;
        try {
            metrics = writingMetrics(figures);
        } catch (IllegalArgumentException notFinite) {
            return new AnalysisRecording.Refused("every metric must be a finite number");
        }
        TenantId tenant = new TenantId(analyzed.institutionId());
        Recording recording;
        try {
            recording = recordings.write(tenant,
                    new SubmissionMetrics(new SubmissionId(analyzed.submissionId()), metrics));
        } catch (StoreUnavailableException unavailable) {
            return new AnalysisRecording.RetryLater(unavailable.retryAfter());
        } catch (StoreRejectedException rejected) {
            // INVALID_VALUE is a check constraint: a count below zero, a type-token ratio outside 0..1.
            return new AnalysisRecording.Refused(rejected.reason() == StoreRejectedException.Reason.INVALID_VALUE
                    ? "a metric lies outside its range" : "the store refused the figures");
        }
        return switch (recording) {
            case Recording.Recorded recorded -> {
                snapshots.invalidate(tenant, new PersonId(analyzed.studentId()));
                yield new AnalysisRecording.Updated(new ProfileUpdated(analyzed.institutionId(), analyzed.courseId(),
                        analyzed.studentId(), analyzed.submissionId(), Math.toIntExact(recorded.profileSubmissions()),
                        recorded.lastSubmittedAt()));
            }
            case Recording.AlreadyRecorded already -> profiles.profile(tenant, new PersonId(analyzed.studentId()),
                            Consistency.READ_YOUR_WRITES)
                    .<AnalysisRecording>map(profile -> new AnalysisRecording.AlreadyRecorded(new ProfileUpdated(
                            analyzed.institutionId(), analyzed.courseId(), analyzed.studentId(),
                            analyzed.submissionId(), Math.toIntExact(profile.submissions()),
                            profile.lastSubmittedAt())))
                    .orElseGet(() -> new AnalysisRecording.Refused("the student has no profile any more"));
            case Recording.UnknownSubmission unknown ->
                    new AnalysisRecording.Refused("the submission is not known to the store");
        };
    }

    /** The store's form; throws {@link IllegalArgumentException} when a figure is not finite. */
    private static WritingMetrics writingMetrics(WritingAnalyzed.Metrics figures) {
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        values.put(Metric.WORD_COUNT, (double) figures.wordCount());
        values.put(Metric.SENTENCE_COUNT, (double) figures.sentenceCount());
        values.put(Metric.CHARACTER_COUNT, (double) figures.characterCount());
        values.put(Metric.SYLLABLE_COUNT, (double) figures.syllableCount());
        values.put(Metric.FLESCH_READING_EASE, figures.fleschReadingEase());
        values.put(Metric.FLESCH_KINCAID_GRADE, figures.fleschKincaidGrade());
        values.put(Metric.GUNNING_FOG, figures.gunningFog());
        values.put(Metric.SMOG_INDEX, figures.smogIndex());
        values.put(Metric.COLEMAN_LIAU_INDEX, figures.colemanLiauIndex());
        values.put(Metric.AUTOMATED_READABILITY_INDEX, figures.automatedReadabilityIndex());
        values.put(Metric.TYPE_TOKEN_RATIO, figures.typeTokenRatio());
        values.put(Metric.MTLD, figures.mtld().getAsDouble());
        values.put(Metric.SENTENCE_LENGTH_MEAN, figures.sentenceLengthMean());
        values.put(Metric.SENTENCE_LENGTH_SD, figures.sentenceLengthSd());
        return new WritingMetrics(values);
    }
}
