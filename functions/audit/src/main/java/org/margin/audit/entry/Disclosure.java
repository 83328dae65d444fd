package org.margin.audit.entry;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A FERPA disclosure record: who saw which student's data, what (the tool and the data categories), when and on what
 * basis. Written before the response leaves.
 *
 * @param student the student's pseudonymous person id
 * @param tool    the MCP tool that disclosed it, e.g. {@code get_student_profile}
 */
public record Disclosure(Instant at, Actor actor, UUID student, String tool, Set<DataCategory> disclosed,
                         LegalBasis basis) implements AuditEntry {

    public Disclosure {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(student, "student");
        Objects.requireNonNull(basis, "basis");
        CanonicalJson.requireCode(tool, "tool");
        if (disclosed == null || disclosed.isEmpty()) {
            throw new IllegalArgumentException("a disclosure names at least one data category");
        }
        disclosed = Set.copyOf(disclosed);
    }
}
