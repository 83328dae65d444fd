package org.margin.audit.keys;

import java.util.Objects;
import org.margin.audit.entry.KeyManagementAction;
import org.margin.audit.log.AuditLog;
import org.margin.privacy.crypto.KeyAudit;
import org.margin.privacy.crypto.KeyAuditEntry;

/**
 * The key audit that also chains every key operation into the installation's tamper-evident chain
 * ({@link AuditLog#INSTALLATION}): the {@code key_audit} table keeps its queryable rows, the chain makes removing or
 * changing one of them detectable. Both hold key ids and operations only, never key material. Recording waits until
 * the chain entry is durable, so an operation whose record failed fails too.
 */
public final class TamperEvidentKeyAudit implements KeyAudit {

    private final KeyAudit table;
    private final AuditLog log;

    public TamperEvidentKeyAudit(KeyAudit table, AuditLog log) {
        this.table = Objects.requireNonNull(table, "table");
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void record(KeyAuditEntry entry) {
        table.record(entry);
        log.recordDurably(AuditLog.INSTALLATION, KeyManagementAction.of(entry));
    }
}
