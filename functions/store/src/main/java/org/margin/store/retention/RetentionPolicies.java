package org.margin.store.retention;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;

/** How long an institution keeps each category of its data. */
public final class RetentionPolicies {

    private static final String SET = """
            INSERT INTO retention_policies (institution_id, category, period_days) VALUES ($1, $2, $3)
            ON CONFLICT (institution_id, category) DO UPDATE SET period_days = excluded.period_days, updated_at = now()""";
    private static final String READ =
            "SELECT category, period_days FROM retention_policies WHERE institution_id = $1";
    private static final String TENANTS = "SELECT retention_tenants() AS id";

    private final TenantTransactions transactions;

    public RetentionPolicies(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Sets a category's period, 1 to {@value RetentionCategory#MAXIMUM_DAYS} days. */
    public void set(TenantId tenant, RetentionCategory category, int periodDays) {
        if (periodDays < 1 || periodDays > RetentionCategory.MAXIMUM_DAYS) {
            throw new IllegalArgumentException("a retention period is 1 to " + RetentionCategory.MAXIMUM_DAYS
                    + " days");
        }
        transactions.write(tenant, "retention policy", connection ->
                Sql.update(connection, SET, tenant.value(), category.wireName(), periodDays));
    }

    /** Every category's period in days: the institution's where it set one, else the default. */
    public Map<RetentionCategory, Integer> periods(TenantId tenant, Consistency consistency) {
        Map<RetentionCategory, Integer> periods = new EnumMap<>(RetentionCategory.class);
        for (RetentionCategory category : RetentionCategory.values()) {
            periods.put(category, category.defaultDays());
        }
        transactions.query(tenant, consistency, "retention policy read", READ,
                        row -> Map.entry(RetentionCategory.fromWire(Sql.required(row, "category", String.class)),
                                Sql.required(row, "period_days", Integer.class)),
                        tenant.value())
                .forEach(entry -> periods.put(entry.getKey(), entry.getValue()));
        return periods;
    }

    /** Every institution, for the scheduled run that names none. */
    public List<TenantId> tenants() {
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "retention tenants", TENANTS,
                row -> new TenantId(Sql.required(row, "id", UUID.class)));
    }
}
