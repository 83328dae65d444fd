package org.margin.governance;

import java.time.Clock;
import org.margin.events.MarginEvents;
import org.margin.governance.retention.RetentionRun;
import org.margin.governance.retention.RetentionSchedule;
import org.margin.governance.retention.RetentionTools;
import org.margin.governance.rights.RightsTools;
import org.margin.governance.rights.StudentCaches;
import org.margin.governance.rights.StudentErasure;
import org.margin.governance.rights.SubjectExport;
import org.margin.grid.Grid;
import org.margin.platform.Platform;
import org.margin.platform.submission.SubmissionTexts;
import org.margin.privacy.crypto.Keyring;
import org.margin.runtime.cloudevents.sink.EventSink;
import org.margin.store.Store;

/** The function's parts over what it connects to: the tools and the retention schedule. Builds without I/O. */
public record Governance(RightsTools rights, RetentionTools retention, RetentionSchedule schedule) {

    public static Governance of(Platform platform, Clock clock) {
        return of(platform.store(), platform.keyring(), platform.texts(), platform.grid(), platform.sink(),
                platform.events(), clock);
    }

    public static Governance of(Store store, Keyring keyring, SubmissionTexts texts, Grid grid, EventSink sink,
                                MarginEvents events, Clock clock) {
        StudentCaches caches = new StudentCaches(grid);
        RetentionRun run = new RetentionRun(store, caches, clock);
        return new Governance(
                new RightsTools(store, new SubjectExport(keyring, texts),
                        new StudentErasure(store, caches, sink, events, clock), clock),
                new RetentionTools(store, run),
                new RetentionSchedule(run));
    }
}
