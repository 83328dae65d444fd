package org.margin.privacy.crypto;

/**
 * Where key-management operations are recorded. Recording is part of the operation: if it throws, the caller
 * sees the failure (an operation must not happen unrecorded where the audit can be written at all).
 */
@FunctionalInterface
public interface KeyAudit {

    void record(KeyAuditEntry entry);
}
