package org.margin.privacy.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RowContextTest {

    private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID ROW = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void contextsThatDifferAnywhereGiveDifferentBytes() {
        // Shifting a character between table and column must not give the same bytes.
        List<RowContext> contexts = List.of(
                new RowContext(TENANT, "ab", "c", ROW),
                new RowContext(TENANT, "a", "bc", ROW),
                new RowContext(ROW, "ab", "c", TENANT),
                new RowContext(TENANT, "ab", "c", TENANT));
        Set<String> seen = new HashSet<>();
        for (RowContext context : contexts) {
            assertThat(seen.add(java.util.HexFormat.of().formatHex(context.associatedData()))).isTrue();
        }
        assertThat(RowContext.lookupAssociatedData(TENANT, "ab", "c"))
                .isNotEqualTo(RowContext.lookupAssociatedData(TENANT, "a", "bc"))
                .isNotEqualTo(new RowContext(TENANT, "ab", "c", ROW).associatedData());
    }

    @Test
    void refusesNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> new RowContext(TENANT, "Person", "email", ROW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RowContext(TENANT, "people", "", ROW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RowContext(TENANT, "people;drop", "x", ROW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
