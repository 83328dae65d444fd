package org.margin.events;

import tools.jackson.databind.node.ObjectNode;

/**
 * The data of one of the catalogue's event types: pseudonymous ids, counts and times, never names, e-mail
 * addresses, LMS user ids or student text.
 */
public sealed interface EventData
        permits SubmissionCreated, WritingAnalyzed, ProfileUpdated, IntegrityChecked, AlertRaised, StudentErased {

    EventType type();

    /** The data as the JSON object its schema describes (camelCase members). */
    ObjectNode toJson();
}
