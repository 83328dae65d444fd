package org.margin.grid.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.margin.grid.tier.TieredCache;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.NearCacheConfig;

/** The YAML of hazelcast-config/, as members and clients load it from this module's jar. */
class GridConfigsTest {

    @ParameterizedTest
    @EnumSource(GridProfile.class)
    void everyTierMapAndTheDeliveryLedgerKeepASynchronousBackupAndBoundTheirSize(GridProfile profile) {
        Config member = GridConfigs.member(profile);

        MapConfig tier = member.getMapConfig(TieredCache.MAP_PREFIX + "essays");
        assertThat(tier.getBackupCount()).isGreaterThanOrEqualTo(1);
        assertThat(tier.getTimeToLiveSeconds()).isPositive();
        assertThat(tier.getEvictionConfig().getEvictionPolicy()).isNotEqualTo(EvictionPolicy.NONE);
        assertThat(member.getMapConfig("margin.session.states").getBackupCount()).isGreaterThanOrEqualTo(1);
        MapConfig deliveries = member.getMapConfig("margin.event.deliveries");
        assertThat(deliveries.getBackupCount()).isGreaterThanOrEqualTo(1);
        assertThat(deliveries.getEvictionConfig().getEvictionPolicy()).isNotEqualTo(EvictionPolicy.NONE);
        assertThat(deliveries.getEvictionConfig().getMaxSizePolicy()).isEqualTo(MaxSizePolicy.PER_NODE);
        assertThat(member.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    }

    @ParameterizedTest
    @EnumSource(GridProfile.class)
    void everyClientHasAnInvalidatedNearCacheForTierMapsAndNeverWaitsForTheGrid(GridProfile profile) {
        ClientConfig client = GridConfigs.client(profile);

        NearCacheConfig nearCache = client.getNearCacheConfig(TieredCache.MAP_PREFIX + "essays");
        assertThat(nearCache).isNotNull();
        assertThat(nearCache.isInvalidateOnChange()).isTrue();
        assertThat(nearCache.getInMemoryFormat()).isEqualTo(InMemoryFormat.OBJECT);
        assertThat(nearCache.getEvictionConfig().getSize()).isPositive();
        assertThat(client.getConnectionStrategyConfig().isAsyncStart()).isTrue();
        assertThat(client.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
    }

    @Test
    void productionFindsMembersThroughKubernetesAndLocalStaysOnLoopback() {
        assertThat(GridConfigs.member(GridProfile.KUBERNETES).getNetworkConfig().getJoin().getKubernetesConfig()
                .isEnabled()).isTrue();
        assertThat(GridConfigs.client(GridProfile.KUBERNETES).getNetworkConfig().getKubernetesConfig().isEnabled())
                .isTrue();
        Config local = GridConfigs.member(GridProfile.LOCAL);
        assertThat(local.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
        assertThat(local.getNetworkConfig().getInterfaces().getInterfaces()).containsExactly("127.0.0.1");
        assertThat(GridConfigs.client(GridProfile.LOCAL).getNetworkConfig().getAddresses())
                .containsExactly("127.0.0.1:5701");
    }

    @Test
    void profilesAreNamedInConfiguration() {
        assertThat(GridProfile.named(null)).isEqualTo(GridProfile.LOCAL);
        assertThat(GridProfile.named(" Kubernetes ")).isEqualTo(GridProfile.KUBERNETES);
    }
}
