package org.margin.store.retention;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;

/**
 * What one category's expiry deleted in one tenant, committed as one transaction.
 *
 * @param deleted     rows deleted per table
 * @param submissions submissions whose cached values (integrity reports) must go
 * @param students    students whose derived values (profiles) were recomputed or removed
 */
public record Expired(RetentionCategory category, Map<String, Long> deleted, List<SubmissionId> submissions,
                      List<PersonId> students) {

    public Expired {
        Objects.requireNonNull(category, "category");
        deleted = Map.copyOf(deleted);
        submissions = List.copyOf(submissions);
        students = List.copyOf(students);
    }

    public long total() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }
}
