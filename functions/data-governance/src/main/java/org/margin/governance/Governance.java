package org.margin.governance;

import java.time.Clock;
import java.util.Optional;
import org.margin.access.AccessPolicy;
import org.margin.governance.access.Access;
import org.margin.governance.audit.AuditRecords;
import org.margin.governance.retention.RetentionRun;
import org.margin.governance.retention.RetentionSchedule;
import org.margin.governance.retention.RetentionTools;
import org.margin.governance.rights.RightsTools;
import org.margin.governance.rights.StudentCaches;
import org.margin.governance.rights.StudentErasure;
import org.margin.governance.rights.SubjectExport;
import org.margin.platform.Platform;
import org.margin.store.Store;

/**
 * The function's parts over what it connects to: who may act ({@link Access}), what is recorded of it
 * ({@link AuditRecords}), the tools and the retention schedule. Builds without I/O.
 */
public record Governance(Access access, AuditRecords audit, RightsTools rights, RetentionTools retention,
                         RetentionSchedule schedule) {

    public static Governance of(Platform platform, Clock clock) {
        Store store = platform.store();
        Access access = new Access(AccessPolicy.create(store, Optional.of(platform.grid()), clock));
        AuditRecords audit = new AuditRecords(platform.audit(), clock);
        StudentCaches caches = new StudentCaches(platform.grid());
        RetentionRun run = new RetentionRun(store, caches, audit, platform.auditPruner(), clock);
        return new Governance(access, audit,
                new RightsTools(store, new SubjectExport(platform.keyring(), platform.texts()),
                        new StudentErasure(store, caches, platform.sink(), platform.events(), clock), clock, access,
                        audit),
                new RetentionTools(store, run, access, audit),
                new RetentionSchedule(run));
    }
}
