package org.margin.profiling.recording;

import java.time.Duration;

import org.margin.events.ProfileUpdated;

/** What recording one {@code writing.analyzed} event did, and so what to answer and whether to emit. */
public sealed interface AnalysisRecording {

    /** Counted: emit {@code org.margin.profile.updated.v1} with this data. */
    record Updated(ProfileUpdated event) implements AnalysisRecording {
    }

    /**
     * Counted before (a redelivery): nothing changed, but announce the profile as it stands under the same event id,
     * because the first announcement may be what failed; subscribers drop it if it was not.
     */
    record AlreadyRecorded(ProfileUpdated event) implements AnalysisRecording {
    }

    /**
     * The event cannot be recorded, now or ever: an unknown submission, a figure that is not a number or is out of
     * its range, no MTLD.
     */
    record Refused(String reason) implements AnalysisRecording {
    }

    /** The store could not be reached; the same event may succeed after {@code retryAfter}. */
    record RetryLater(Duration retryAfter) implements AnalysisRecording {
    }
}
