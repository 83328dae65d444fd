package org.margin.alerts.evaluation;

import java.util.UUID;

/**
 * The data of {@code org.margin.alert.raised.v1}: a rule newly raised an alert about a student, to
 * {@code alertCount} educators. Pseudonyms and counts only.
 */
public record AlertRaised(UUID institutionId, UUID courseId, UUID studentId, UUID ruleId, String kind,
                          long alertCount) {

    public static final String TYPE = "org.margin.alert.raised.v1";
}
