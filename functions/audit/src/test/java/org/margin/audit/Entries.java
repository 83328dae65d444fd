package org.margin.audit;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.margin.audit.entry.Actor;
import org.margin.audit.entry.ActorRole;
import org.margin.audit.entry.DataCategory;
import org.margin.audit.entry.Disclosure;
import org.margin.audit.entry.LegalBasis;

/** Sample entries: an educator reading a student's profile. */
public final class Entries {

    private Entries() {
    }

    public static Disclosure disclosure(int n) {
        return new Disclosure(Instant.parse("2026-11-27T08:00:00Z").plusMillis(n),
                Actor.person(ActorRole.EDUCATOR, new UUID(0x0191f3a000007000L, 0x8000000000000000L | n % 50)),
                new UUID(0x0191f3a000007000L, 0x9000000000000000L | n), "get_student_profile",
                Set.of(DataCategory.PROFILE, DataCategory.METRICS), LegalBasis.LEGITIMATE_EDUCATIONAL_INTEREST);
    }
}
