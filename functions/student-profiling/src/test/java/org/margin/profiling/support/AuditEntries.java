package org.margin.profiling.support;

import java.util.List;

import org.margin.store.Store;
import org.margin.store.tenant.TenantId;

import tools.jackson.databind.JsonNode;

/** A tenant's audit entries as committed, each read back from its canonical JSON. */
public final class AuditEntries {

    private AuditEntries() {
    }

    public static List<JsonNode> of(Store store, TenantId tenant) {
        return store.auditTrail().page(tenant, 0, 10_000).stream()
                .map(row -> McpCalls.JSON.readTree(row.payload()))
                .toList();
    }
}
