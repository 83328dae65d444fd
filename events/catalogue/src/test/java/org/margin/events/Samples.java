package org.margin.events;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;

/** One valid record of every catalogue type. */
final class Samples {

    static final UUID INSTITUTION = UUID.fromString("6f1c1c2e-2a57-4d8e-9c64-3b8f0f6a1d01");
    static final UUID COURSE = UUID.fromString("0b7e4c55-91d2-4a5e-8f0e-7a4c2d9b3e02");
    static final UUID STUDENT = UUID.fromString("a3d9e8f1-4b6c-4f7a-9e2d-1c5b8a7f6e03");
    static final UUID SUBMISSION = UUID.fromString("c8f2a1b4-7d3e-4c9a-b5f6-2e1d0a9c8b04");
    static final UUID OTHER_SUBMISSION = UUID.fromString("d1e2f3a4-b5c6-4d7e-8f9a-0b1c2d3e4f05");
    static final UUID RULE = UUID.fromString("e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a806");
    static final Instant SUBMITTED = Instant.parse("2026-03-02T14:05:09.250Z");

    private Samples() {
    }

    static List<EventData> all() {
        return List.of(
                new SubmissionCreated(INSTITUTION, COURSE, SUBMISSION, STUDENT, SUBMITTED, Lms.MOODLE),
                new WritingAnalyzed(INSTITUTION, COURSE, SUBMISSION, STUDENT, SUBMITTED,
                        new WritingAnalyzed.Metrics(412, 21, 2210, 590, 61.3, 8.9, 11.2, 10.4, 9.7, 9.1, 0.52,
                                OptionalDouble.of(71.5), 19.6, 6.2)),
                new ProfileUpdated(INSTITUTION, COURSE, STUDENT, SUBMISSION, 4, SUBMITTED),
                new IntegrityChecked(INSTITUTION, COURSE, SUBMISSION, STUDENT, 0.8, true,
                        List.of(new IntegrityChecked.Match(OTHER_SUBMISSION, 0.91))),
                new AlertRaised(INSTITUTION, COURSE, STUDENT, RULE, "metric_threshold", 2),
                new StudentErased(INSTITUTION, STUDENT, SUBMITTED));
    }
}
