package org.margin.events.lms;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** Turns one LMS format's payload into submissions; an empty list means the payload is about something else. */
interface PayloadParser {

    /**
     * @throws MalformedPayload when the payload breaks the format
     */
    List<SubmissionReceived> parse(JsonNode payload, LmsSource source);

    static PayloadParser forSource(LmsSource source) {
        return switch (source.lms()) {
            case CANVAS -> new CanvasLiveEvents();
            case MOODLE -> new MoodleEvents();
            case CALIPER -> new CaliperEnvelope(CaliperEnvelope.Ids.AS_GIVEN);
            case XAPI -> new XapiStatements();
        };
    }
}
