package org.margin.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void worldIsBuilt() {
        try (Store store = TestDatabases.shared().storeBuilder().build()) {
            World world = World.create(store, 3);
            assertThat(store.courses().find(world.tenant(), world.course(), Consistency.READ_YOUR_WRITES)).isPresent();
        }
    }
}
