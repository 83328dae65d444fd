package org.margin.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProfilingSettingsTest {

    @Test
    void theMinimumGroupMayBeRaisedButNeverBelowFive() {
        assertThat(ProfilingSettings.fromEnvironment(Map.of()).minimumGroupSize()).isEqualTo(5);
        assertThat(ProfilingSettings.fromEnvironment(Map.of(ProfilingSettings.MINIMUM_GROUP_SIZE, "8"))
                .minimumGroupSize()).isEqualTo(8);
        assertThatThrownBy(() -> ProfilingSettings.fromEnvironment(Map.of(ProfilingSettings.MINIMUM_GROUP_SIZE, "4")))
                .hasMessageContaining(ProfilingSettings.MINIMUM_GROUP_SIZE);
        assertThatThrownBy(() -> ProfilingSettings.fromEnvironment(
                Map.of(ProfilingSettings.MINIMUM_GROUP_SIZE, "five"))).hasMessageNotContaining("five");
    }
}
