package org.margin.store.subject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many rows about one person each table holds (before an erasure) or held (after it): counts only, never a
 * value. {@code heldEvents} are a child's events held for parental consent; {@code deadLetters} are undelivered events that carry the pseudonym.
 */
public record ErasureCounts(long identities, long enrollments, long submissions, long metrics, long profiles,
                            long alerts, long fingerprints, long integrityReports, long consents, long heldEvents,
                            long deadLetters) {

    /** By table name, in a stable order, for a receipt. */
    public Map<String, Long> byTable() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("person_identities", identities);
        counts.put("enrollments", enrollments);
        counts.put("submissions", submissions);
        counts.put("writing_metrics", metrics);
        counts.put("profile_aggregates", profiles);
        counts.put("alerts", alerts);
        counts.put("fingerprints", fingerprints);
        counts.put("integrity_reports", integrityReports);
        counts.put("consents", consents);
        counts.put("held_events", heldEvents);
        counts.put("dead_letters", deadLetters);
        return counts;
    }
}
