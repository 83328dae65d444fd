package org.margin.governance.rights;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.margin.grid.Grid;
import org.margin.grid.tier.TieredCache;
import org.margin.store.people.PersonId;
import org.margin.store.submission.SubmissionId;
import org.margin.store.tenant.TenantId;

/**
 * The grid's caches that hold values about one student, and their keys: student-profiling's profile snapshots
 * ("student-profiles", by tenant/student) and academic-integrity's reports ("integrity-reports", by
 * tenant/submission). The names and key forms are those functions'; a new per-student cache must be added here.
 * Burying a key drops it from the grid and from every instance's near cache, so no instance serves it again.
 * This process never loads or writes these values: its loader finds nothing and its writer refuses.
 */
public final class StudentCaches {

    static final String PROFILES = "student-profiles";
    static final String INTEGRITY_REPORTS = "integrity-reports";

    private final TieredCache profiles;
    private final TieredCache reports;

    public StudentCaches(Grid grid) {
        this.profiles = grid.cache(PROFILES, key -> Optional.empty());
        this.reports = grid.cache(INTEGRITY_REPORTS, key -> Optional.empty());
    }

    /**
     * Buries the students' profiles and the given submissions' reports, each cache's keys together (one round of
     * locks, one batch of tombstones, one acknowledgement from every instance); returns how many keys were buried.
     * A key the grid could not take now is buried by the grid's own retry once it can.
     */
    public int forget(TenantId tenant, Collection<PersonId> students, Collection<SubmissionId> submissions) {
        List<String> studentKeys = students.stream().map(student -> tenant.value() + "/" + student.value()).toList();
        List<String> submissionKeys = submissions.stream()
                .map(submission -> tenant.value() + "/" + submission.value())
                .toList();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            executor.execute(() -> profiles.invalidateAll(studentKeys));
            executor.execute(() -> reports.invalidateAll(submissionKeys));
        }
        return studentKeys.size() + submissionKeys.size();
    }
}
