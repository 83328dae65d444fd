package org.margin.grid.support;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

import java.util.Collection;

/** A real OpenTelemetry SDK whose metrics a test reads back. */
public final class MetricsProbe implements AutoCloseable {

    private final InMemoryMetricReader reader = InMemoryMetricReader.create();
    private final SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build();

    public Meter meter() {
        return provider.get("org.margin.grid");
    }

    public Collection<MetricData> collect() {
        return reader.collectAllMetrics();
    }

    /** The sum of the long points of {@code metric} whose labels have {@code label}={@code value} for each pair. */
    public long sum(String metric, String... labelPairs) {
        long total = 0;
        for (MetricData data : collect()) {
            if (!data.getName().equals(metric)) {
                continue;
            }
            Collection<? extends LongPointData> points = data.getType() == io.opentelemetry.sdk.metrics.data.MetricDataType.LONG_GAUGE
                    ? data.getLongGaugeData().getPoints()
                    : data.getLongSumData().getPoints();
            for (LongPointData point : points) {
                boolean matches = true;
                for (int index = 0; index < labelPairs.length; index += 2) {
                    matches &= labelPairs[index + 1].equals(
                            point.getAttributes().get(AttributeKey.stringKey(labelPairs[index])));
                }
                if (matches) {
                    total += point.getValue();
                }
            }
        }
        return total;
    }

    @Override
    public void close() {
        provider.close();
    }
}
