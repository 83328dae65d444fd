package org.margin.profiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
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

    @Test
    void theGridKeyIsOptionalButMustBeLongEnough() {
        assertThat(ProfilingSettings.fromEnvironment(Map.of()).gridPseudonymKey()).isEmpty();
        String longEnough = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(ProfilingSettings.fromEnvironment(Map.of(ProfilingSettings.GRID_PSEUDONYM_KEY, longEnough))
                .gridPseudonymKey()).hasValueSatisfying(key -> assertThat(key).hasSize(32));
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> ProfilingSettings.fromEnvironment(
                Map.of(ProfilingSettings.GRID_PSEUDONYM_KEY, tooShort)))
                .hasMessageContaining(ProfilingSettings.GRID_PSEUDONYM_KEY).hasMessageNotContaining(tooShort);
        assertThatThrownBy(() -> ProfilingSettings.fromEnvironment(
                Map.of(ProfilingSettings.GRID_PSEUDONYM_KEY, "not base64!")))
                .hasMessageContaining(ProfilingSettings.GRID_PSEUDONYM_KEY).hasMessageNotContaining("not base64!");
    }
}
