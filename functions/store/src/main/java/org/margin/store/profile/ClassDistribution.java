package org.margin.store.profile;

import java.util.Map;

/** A course's distribution of every metric, or the reason it is withheld. */
public sealed interface ClassDistribution {

    /** The figures of enough students that none of them can be singled out. */
    record Available(long students, long submissions, Map<Metric, MetricDistribution> metrics)
            implements ClassDistribution {

        public Available {
            metrics = Map.copyOf(metrics);
        }
    }

    /** Too few students in the window: any figure could reveal one of them. */
    record Withheld(long students, int minimumStudents) implements ClassDistribution {
    }
}
