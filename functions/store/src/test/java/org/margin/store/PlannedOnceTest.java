package org.margin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantTransactions;

/**
 * A statement read with {@link TenantTransactions#queryPlannedOnce} is planned once per connection, in its tenant's
 * scope, and the setting that makes it so ends with its transaction. One pooled connection, so every call below
 * meets the same server session and its prepared statements.
 */
class PlannedOnceTest {

    // A parameter the planner would use: a custom plan per call is what the server would otherwise choose.
    private static final String COURSES = "SELECT count(*) AS n FROM courses WHERE institution_id = $1 AND code = $2";
    private static final String PLANS = """
            SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = $1""";

    private static Store store;
    private static World world;

    @BeforeAll
    static void oneConnection() {
        store = TestDatabases.patientStore(TestDatabases.shared()).maxPoolSize(1).build();
        world = World.create(store, 1);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void everyCallRunsTheOneGenericPlanInItsTenantsScope() {
        for (int call = 0; call < 8; call++) {
            long courses = store.transactions().queryPlannedOnce(world.tenant(), Consistency.READ_YOUR_WRITES,
                    "course count", COURSES, row -> Sql.required(row, "n", Long.class), world.tenant().value(),
                    "code-" + call).getFirst();
            assertThat(courses).isZero();
        }
        List<long[]> plans = store.transactions().query(world.tenant(), Consistency.READ_YOUR_WRITES, "plans",
                PLANS, row -> new long[] {Sql.required(row, "generic_plans", Long.class),
                        Sql.required(row, "custom_plans", Long.class)}, COURSES);
        assertThat(plans).singleElement().satisfies(counts -> {
            assertThat(counts[0]).as("generic plans run").isEqualTo(8);
            assertThat(counts[1]).as("custom plans made").isZero();
        });
        String tenant = store.transactions().queryPlannedOnce(world.tenant(), Consistency.READ_YOUR_WRITES, "scope",
                "SELECT current_setting('app.tenant') AS tenant", row -> Sql.required(row, "tenant", String.class))
                .getFirst();
        assertThat(tenant).isEqualTo(world.tenant().toString());
    }

    @Test
    void theSettingEndsWithItsTransaction() {
        String inside = store.transactions().queryPlannedOnce(world.tenant(), Consistency.READ_YOUR_WRITES, "mode",
                "SELECT current_setting('plan_cache_mode') AS mode", row -> Sql.required(row, "mode", String.class))
                .getFirst();
        String after = store.transactions().query(world.tenant(), Consistency.READ_YOUR_WRITES, "mode",
                "SELECT current_setting('plan_cache_mode') AS mode", row -> Sql.required(row, "mode", String.class))
                .getFirst();
        assertThat(inside).isEqualTo("force_generic_plan");
        assertThat(after).isEqualTo("auto");
    }
}
