package org.margin.store.migration;

/** What a migration run did: how many migrations it applied and the schema version it left. */
public record MigrationResult(int applied, String schemaVersion) {
}
