package org.margin.grid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.TestGrids;

class GridEnvironmentTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void aKeyAndProfileFromTheEnvironmentAreTaken() {
        assertThatCode(() -> Grid.builder().environment(Map.of(Grid.PROFILE, "kubernetes", Grid.PSEUDONYM_KEY, KEY)))
                .doesNotThrowAnyException();
    }

    @Test
    void inProcessMembersAreTheMemberOfThisProcessItselfWithoutAClient() {
        try (LocalGrid members = TestGrids.members(1);
             Grid grid = TestGrids.trusted(Grid.builder().environment(Map.of(Grid.MEMBERS, Grid.IN_PROCESS,
                     Grid.CLUSTER, members.clusterName(), Grid.PSEUDONYM_KEY, KEY)).build())) {
            assertThat(grid.support().connection().client()).containsSame(members.members().getFirst());
        }
    }

    @Test
    void locallyAMissingKeyIsReplacedByOneOfThisProcess() {
        assertThatCode(() -> Grid.builder().environment(Map.of())).doesNotThrowAnyException();
    }

    @Test
    void onKnativeAMissingKeyIsRefusedByName() {
        assertThatThrownBy(() -> Grid.builder().environment(Map.of("K_SERVICE", "student-profiling")))
                .hasMessageContaining(Grid.PSEUDONYM_KEY);
    }

    @Test
    void unusableValuesAreRefusedByName() {
        assertThatThrownBy(() -> Grid.builder().environment(Map.of(Grid.PSEUDONYM_KEY, "not base64!")))
                .hasMessageContaining(Grid.PSEUDONYM_KEY);
        assertThatThrownBy(() -> Grid.builder().environment(Map.of(Grid.PSEUDONYM_KEY,
                Base64.getEncoder().encodeToString(new byte[16])))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> Grid.builder().environment(Map.of(Grid.PROFILE, "cloud", Grid.PSEUDONYM_KEY, KEY)))
                .hasMessageContaining("cloud");
    }
}
