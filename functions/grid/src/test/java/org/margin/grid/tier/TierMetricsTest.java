package org.margin.grid.tier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.margin.grid.Grid;
import org.margin.grid.key.KeyPseudonyms;
import org.margin.grid.member.LocalGrid;
import org.margin.grid.support.MetricsProbe;
import org.margin.grid.support.TestGrids;
import org.margin.grid.support.VersionedStore;

import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

/** Every tier reports hits, misses, invalidations, evictions and the breaker, and no label says whom. */
class TierMetricsTest {

    private static final String STUDENT = "student-ada.lovelace@school.example";

    @Test
    void thePrometheusTextShowsTheTiersAsTheRuntimeServesIt() throws IOException {
        VersionedStore store = new VersionedStore();
        store.save(STUDENT, VersionedStore.version(7));
        PrometheusMetricReader prometheus = PrometheusMetricReader.builder().setOtelScopeLabelsEnabled(false).build();
        try (LocalGrid members = TestGrids.members(2);
             SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(prometheus).build();
             Grid grid = TestGrids.trusted(TestGrids.instanceOf(members).meter(meters.get("org.margin.grid")).build())) {
            TieredCache cache = grid.cache("scraped", store::load, store::save);
            cache.read(STUDENT);

            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrometheusTextFormatWriter.create().write(text, prometheus.collect());

            assertThat(text.toString(StandardCharsets.UTF_8))
                    .contains("margin_grid_reads_total{cache=\"scraped\",result=\"hit\",tier=\"l3\"} 1")
                    .contains("margin_grid_breaker_state 0")
                    .doesNotContain("ada");
        }
    }

    @Test
    void aCacheMadeBeforeTheGridConnectedFillsTheTiersFromItsFirstTrustedRead() {
        VersionedStore store = new VersionedStore();
        store.save(STUDENT, VersionedStore.version(7));
        try (LocalGrid members = TestGrids.members(1);
             MetricsProbe metrics = new MetricsProbe();
             Grid grid = TestGrids.instanceOf(members).meter(metrics.meter()).build()) {
            TieredCache cache = grid.cache("made-early", store::load, store::save);
            TestGrids.trusted(grid);

            cache.read(STUDENT);
            cache.read(STUDENT);

            assertThat(metrics.sum("margin.grid.reads", "tier", "l3", "result", "hit")).isEqualTo(1);
            assertThat(metrics.sum("margin.grid.reads", "tier", "l2", "result", "hit")).isEqualTo(1);
        }
    }

    @Test
    void instrumentsCoverEveryTierAndCarryNoIdentifierOrKey() {
        VersionedStore store = new VersionedStore();
        store.save(STUDENT, VersionedStore.version(7));
        try (LocalGrid members = TestGrids.members(2);
             MetricsProbe metrics = new MetricsProbe();
             Grid grid = TestGrids.trusted(TestGrids.instanceOf(members).meter(metrics.meter()).build())) {
            TieredCache cache = grid.cache("metered", store::load, store::save);
            for (int read = 0; read < 6; read++) {
                cache.read(STUDENT);
            }
            assertThat(cache.write(STUDENT, VersionedStore.version(8))).isInstanceOf(WriteOutcome.Confirmed.class);

            List<MetricData> collected = List.copyOf(metrics.collect());
            Set<String> names = collected.stream().map(MetricData::getName).collect(Collectors.toSet());
            assertThat(names).contains("margin.grid.reads", "margin.grid.invalidations", "margin.grid.evictions",
                    "margin.grid.breaker.state", "margin.grid.writes", "margin.grid.entries");
            assertThat(metrics.sum("margin.grid.reads", "tier", "l1", "result", "hit")).isPositive();
            assertThat(metrics.sum("margin.grid.reads", "tier", "l1", "result", "miss")).isPositive();
            assertThat(metrics.sum("margin.grid.reads", "tier", "l2", "result", "hit")).isPositive();
            assertThat(metrics.sum("margin.grid.reads", "tier", "l2", "result", "miss")).isPositive();
            assertThat(metrics.sum("margin.grid.reads", "tier", "l3", "result", "hit")).isPositive();
            assertThat(metrics.sum("margin.grid.invalidations", "cause", "local_write")).isEqualTo(1);
            assertThat(metrics.sum("margin.grid.writes", "result", "confirmed")).isEqualTo(1);
            assertThat(metrics.sum("margin.grid.breaker.state")).isZero();

            String pseudonym = KeyPseudonyms.withKey(TestGrids.PSEUDONYM_KEY).of("metered", STUDENT);
            String everyLabel = collected.toString();
            assertThat(everyLabel).doesNotContain("ada").doesNotContain("lovelace").doesNotContain(pseudonym);
        }
    }
}
