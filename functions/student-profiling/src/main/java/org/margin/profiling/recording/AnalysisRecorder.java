package org.margin.profiling.recording;

import org.margin.profiling.profile.ProfileSnapshots;
import org.margin.store.StoreRejectedException;
import org.margin.store.StoreUnavailableException;
import org.margin.store.people.PersonId;
import org.margin.store.profile.Profiles;
import org.margin.store.profile.Recording;
import org.margin.store.profile.WritingMetrics;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * Folds an analysed submission into its student's profile, once per submission: the store's recording statement
 * adds nothing for a submission it has seen, so a redelivered event changes nothing and emits nothing.
 */
public final class AnalysisRecorder {

    private final Profiles profiles;
    private final ProfileSnapshots snapshots;

    /** @param snapshots told of every student whose profile changed, once the store has committed the change */
    public AnalysisRecorder(Profiles profiles, ProfileSnapshots snapshots) {
        this.profiles = profiles;
        this.snapshots = snapshots;
    }

    /** Records the event's figures; the outcome says whether to emit {@code profile.updated} and with what. */
    public AnalysisRecording recordAnalysis(WritingAnalyzed analyzed) {
        WritingMetrics metrics;
        try {
            metrics = analyzed.metrics().toWritingMetrics();
        } catch (IllegalArgumentException notFinite) {
            return new AnalysisRecording.Refused("every metric must be a finite number");
        }
        TenantId tenant = new TenantId(analyzed.institutionId());
        Recording recording;
        try {
            recording = profiles.record(tenant, new SubmissionId(analyzed.submissionId()), metrics);
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
                        analyzed.studentId(), analyzed.submissionId(), recorded.profileSubmissions(),
                        recorded.lastSubmittedAt()));
            }
            case Recording.AlreadyRecorded already -> new AnalysisRecording.AlreadyRecorded();
            case Recording.UnknownSubmission unknown ->
                    new AnalysisRecording.Refused("the submission is not known to the store");
        };
    }
}
