package org.margin.governance.rights;

import java.time.Instant;
import java.time.ZoneOffset;
import org.margin.store.subject.Regime;

/**
 * When a request must be answered: GDPR within one month of receipt (Art. 12(3)), CCPA within 45 days
 * (Cal. Civ. Code 1798.130), FERPA within 45 days (34 CFR 99.10). Extensions the laws allow are not assumed.
 */
public final class Deadlines {

    private Deadlines() {
    }

    public static Instant due(Regime regime, Instant received) {
        return switch (regime) {
            case GDPR -> received.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();
            case CCPA, FERPA -> received.atOffset(ZoneOffset.UTC).plusDays(45).toInstant();
        };
    }
}
