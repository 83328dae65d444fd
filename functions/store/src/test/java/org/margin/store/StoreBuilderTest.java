package org.margin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.margin.store.local.LocalDatabase;
import org.margin.store.tenant.TenantId;

class StoreBuilderTest {

    @Test
    void aStoreIsConfiguredFromTheEnvironmentOfItsFunction() {
        LocalDatabase database = TestDatabases.shared();
        TenantId tenant = TenantId.random();
        Map<String, String> environment = Map.of(
                Store.Builder.URL, database.r2dbcUrl(),
                Store.Builder.USER_NAME, database.app().user(),
                Store.Builder.USER_PASSWORD, database.app().password(),
                Store.Builder.POOL_SIZE, "3");

        try (Store store = Store.builder().environment(environment).build()) {
            store.institutions().register(tenant, "Configured from the environment");
            assertThat(store.institutions().find(tenant, Consistency.STALE_OK)).isPresent();
        }
    }

    @Test
    void everyStoreOfAProcessSharesOneEventLoopPerProcessor() throws Exception {
        LocalDatabase database = TestDatabases.shared();
        TenantId tenant = TenantId.random();
        try (Store first = TestDatabases.patientStore(database).maxPoolSize(4).build();
             Store second = TestDatabases.patientStore(database).maxPoolSize(4).build();
             var callers = Executors.newVirtualThreadPerTaskExecutor()) {
            first.institutions().register(tenant, "Shares its event loops");
            List<Future<?>> reads = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Store store = i % 2 == 0 ? first : second;
                reads.add(callers.submit(() -> store.institutions().find(tenant, Consistency.READ_YOUR_WRITES)));
            }
            for (Future<?> read : reads) {
                read.get();
            }

            long loops = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith("margin-store-"))
                    .count();
            assertThat(loops).isBetween(1L, (long) Runtime.getRuntime().availableProcessors());
        }
    }

    @Test
    void aMissingVariableIsNamed() {
        assertThatThrownBy(() -> Store.builder().environment(Map.of(Store.Builder.URL, "r2dbc:postgresql://x/y")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Store.Builder.USER_NAME);
    }

    @Test
    void wrongCredentialsAreAFailureNotAnOutage() {
        LocalDatabase database = TestDatabases.shared();
        try (Store store = Store.builder().primary(database.r2dbcUrl(), database.app().user(), "wrong").build()) {
            assertThatThrownBy(() -> store.institutions().find(TenantId.random(), Consistency.READ_YOUR_WRITES))
                    .isInstanceOfSatisfying(StoreFailedException.class,
                            failed -> assertThat(failed.sqlState()).isEqualTo("28P01"));
        }
    }
}
