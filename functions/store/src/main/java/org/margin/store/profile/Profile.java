package org.margin.store.profile;

import java.time.Instant;
import java.util.Map;
import org.margin.store.people.PersonId;

/** A student's running figures over every analysed submission. */
public record Profile(PersonId student, long submissions, Instant firstSubmittedAt, Instant lastSubmittedAt,
                      Map<Metric, MetricSummary> metrics) {

    public Profile {
        metrics = Map.copyOf(metrics);
    }
}
