package org.margin.governance.retention;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.margin.audit.prune.Pruning;
import org.margin.governance.access.Access;
import org.margin.governance.audit.AuditRecords;
import org.margin.governance.access.Arguments;
import org.margin.governance.access.Guarded;
import org.margin.runtime.mcp.input.RequestContext;
import org.margin.runtime.mcp.outcome.ToolError;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.runtime.mcp.outcome.ToolResult;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.runtime.mcp.tool.Tool;
import org.margin.runtime.mcp.tool.ToolAnnotations;
import org.margin.store.Consistency;
import org.margin.store.Store;
import org.margin.store.retention.RetentionCategory;
import org.margin.store.tenant.TenantId;
import tools.jackson.databind.node.ObjectNode;

/** The retention tools: {@code set_retention_policy}, {@code get_retention_policies} and {@code run_retention}. */
public final class RetentionTools {

    public static final String SET = "set_retention_policy";
    public static final String GET = "get_retention_policies";
    public static final String RUN = "run_retention";
    public static final List<String> NAMES = List.of(SET, GET, RUN);
    public static final String SCOPE = "retention:admin";

    private final Store store;
    private final RetentionRun run;
    private final Access access;
    private final AuditRecords audit;

    public RetentionTools(Store store, RetentionRun run, Access access, AuditRecords audit) {
        this.store = store;
        this.run = run;
        this.access = access;
        this.audit = audit;
    }

    public List<Tool> tools() {
        return List.of(
                Tool.builder(SET)
                        .requiredScopes(SCOPE)
                        .title("Set a retention period")
                        .description("How many days the institution keeps one category of data: submissions (and "
                                + "all derived from them), metrics, alerts, fingerprints (integrity index and "
                                + "reports) or audit. Every period is finite: 1 to 36500 days. The audit log is "
                                + "pruned only up to a signed checkpoint whose entries are all older than its period.")
                        .inputSchema(Arguments.schema("""
                                {"type": "object", "properties": {
                                  "category": {"type": "string",
                                    "enum": ["submissions", "metrics", "alerts", "fingerprints", "audit"]},
                                  "periodDays": {"type": "integer", "minimum": 1, "maximum": 36500}},
                                 "required": ["category", "periodDays"], "additionalProperties": false}"""))
                        .annotations(new ToolAnnotations(null, false, false, true, false))
                        .handler(this::set)
                        .build(),
                Tool.builder(GET)
                        .requiredScopes(SCOPE)
                        .title("Show retention periods")
                        .description("Every category's retention period in days, the institution's or the default.")
                        .annotations(ToolAnnotations.readOnly())
                        .handler(this::get)
                        .build(),
                Tool.builder(RUN)
                        .requiredScopes(SCOPE)
                        .title("Run retention now")
                        .description("Deletes the institution's data older than its retention periods now, as the "
                                + "daily run does, and reports how many rows of each table went. The audit log is "
                                + "pruned up to its newest signed checkpoint older than the period, and only if it "
                                + "verifies; an anchor keeps the rest verifiable.")
                        .annotations(new ToolAnnotations(null, false, true, true, false))
                        .handler(this::run)
                        .build());
    }

    ToolOutcome set(RequestContext context) {
        return Guarded.run(access.administrator(context, SCOPE), granted -> {
            RetentionCategory category = RetentionCategory.fromWire(context.arguments().path("category").asString());
            int days = context.arguments().path("periodDays").asInt();
            if (days < 1 || days > RetentionCategory.MAXIMUM_DAYS) {
                return new ToolError("periodDays must be 1 to " + RetentionCategory.MAXIMUM_DAYS + ".");
            }
            store.retentionPolicies().set(granted.tenant(), category, days);
            audit.action(granted, "retention.policy_set", category.wireName() + ":" + days);
            return ToolResult.structured(policies(granted.tenant()));
        });
    }

    ToolOutcome get(RequestContext context) {
        return Guarded.run(access.administrator(context, SCOPE),
                granted -> ToolResult.structured(policies(granted.tenant())));
    }

    ToolOutcome run(RequestContext context) {
        return Guarded.run(access.administrator(context, SCOPE), granted -> {
            RetentionRun.Report report = run.run(granted.tenant(), AuditRecords.actor(granted));
            ObjectNode result = Json.object();
            result.put("ranAt", report.ranAt().toString());
            ObjectNode deleted = result.putObject("deleted");
            report.deleted().forEach((category, rows) -> {
                ObjectNode tables = deleted.putObject(category.wireName());
                rows.forEach(tables::put);
            });
            ObjectNode withdrawn = result.putObject("withdrawn");
            report.withdrawn().forEach((purpose, rows) -> {
                ObjectNode tables = withdrawn.putObject(purpose);
                rows.forEach(tables::put);
            });
            result.put("total", report.total());
            result.put("cacheKeysBuried", report.cacheKeysBuried());
            result.set("audit", auditPruning(report.audit()));
            return ToolResult.structured(result);
        });
    }

    /** {@code prunedThrough} and {@code deleted}; or why nothing was pruned. */
    private static ObjectNode auditPruning(Optional<Pruning> pruning) {
        ObjectNode audit = Json.object();
        switch (pruning.orElse(null)) {
            case Pruning.Pruned pruned -> audit.put("prunedThrough", pruned.anchoredAt())
                    .put("deleted", pruned.deleted());
            case Pruning.NothingDue ignored -> audit.put("deleted", 0).put("reason",
                    "no signed checkpoint covers only entries older than the period");
            case Pruning.Refused refused -> audit.put("deleted", 0)
                    .put("reason", "the audit log does not verify; nothing was pruned")
                    .put("firstBadEntry", refused.failure().seq())
                    .put("problem", refused.failure().tampering().name().toLowerCase(Locale.ROOT));
            case null -> audit.put("deleted", 0).put("reason", "pruning could not run; the next run tries again");
        }
        return audit;
    }

    private ObjectNode policies(TenantId tenant) {
        Map<RetentionCategory, Integer> periods = store.retentionPolicies().periods(tenant,
                Consistency.READ_YOUR_WRITES);
        ObjectNode result = Json.object();
        ObjectNode days = result.putObject("periodDays");
        periods.forEach((category, period) -> days.put(category.wireName(), period));
        return result;
    }
}
