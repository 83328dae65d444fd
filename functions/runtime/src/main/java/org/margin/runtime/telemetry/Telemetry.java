package org.margin.runtime.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.ExemplarFilter;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;

/**
 * One runtime's OpenTelemetry SDK: metrics, read by Prometheus through {@code /metrics}, and traces, exported
 * when an exporter is configured. Each runtime has its own, so that several runtimes in one process keep their
 * own service names and metrics; nothing is registered globally.
 *
 * <p>Without an exporter there is nothing to send spans to, so tracing is the API's no-op: spans cost nothing and
 * an incoming trace context still flows through.
 */
public final class Telemetry implements AutoCloseable {

    static final String SCOPE = "org.margin.runtime";

    private final SdkMeterProvider meterProvider;
    private final PrometheusMetricReader prometheus;
    private final PrometheusTextFormatWriter textFormat = PrometheusTextFormatWriter.create();
    private final SdkTracerProvider tracerProvider;
    private final Tracer tracer;
    private final Meter meter;

    private Telemetry(SdkMeterProvider meterProvider, PrometheusMetricReader prometheus,
                      SdkTracerProvider tracerProvider) {
        this.meterProvider = meterProvider;
        this.prometheus = prometheus;
        this.tracerProvider = tracerProvider;
        this.tracer = tracerProvider == null
                ? TracerProvider.noop().get(SCOPE)
                : tracerProvider.get(SCOPE);
        this.meter = meterProvider.get(SCOPE);
    }

    /**
     * Telemetry for {@code service}.
     *
     * @param otlp           where to export spans, if anywhere; the exporter is built on first export, off the
     *                       request path
     * @param sampling       which traces to record
     * @param spanProcessors further processors, e.g. an in-memory exporter in tests
     */
    public static Telemetry create(ServiceIdentity service, Optional<OtlpSettings> otlp, TraceSampling sampling,
                                   List<SpanProcessor> spanProcessors) {
        Resource resource = service.resource();
        PrometheusMetricReader prometheus = PrometheusMetricReader.builder()
                .setOtelScopeLabelsEnabled(false)
                .build();
        SdkMeterProvider meters = SdkMeterProvider.builder()
                .setResource(resource)
                // The text format carries no exemplars: do not pay for collecting them.
                .setExemplarFilter(ExemplarFilter.alwaysOff())
                .registerMetricReader(prometheus)
                .build();
        SdkTracerProvider traces = null;
        if (otlp.isPresent() || !spanProcessors.isEmpty()) {
            SdkTracerProviderBuilder builder = SdkTracerProvider.builder()
                    .setResource(resource)
                    .setSampler(sampling.sampler());
            otlp.ifPresent(settings -> builder.addSpanProcessor(
                    BatchSpanProcessor.builder(new LazyOtlpSpanExporter(settings)).build()));
            spanProcessors.forEach(builder::addSpanProcessor);
            traces = builder.build();
        }
        return new Telemetry(meters, prometheus, traces);
    }

    /** Whether spans are recorded and exported. */
    public boolean tracing() {
        return tracerProvider != null;
    }

    public Tracer tracer() {
        return tracer;
    }

    public Meter meter() {
        return meter;
    }

    /** The media type of {@link #writePrometheus}'s output. */
    public String prometheusContentType() {
        return textFormat.getContentType();
    }

    /** Writes the current value of every metric in the Prometheus text format. */
    public void writePrometheus(OutputStream out) throws IOException {
        textFormat.write(out, prometheus.collect());
    }

    /** Exports the spans still buffered and stops, waiting up to {@code timeout}. */
    public void close(Duration timeout) {
        CompletableResultCode metrics = meterProvider.shutdown();
        CompletableResultCode spans = tracerProvider == null ? CompletableResultCode.ofSuccess()
                : tracerProvider.shutdown();
        CompletableResultCode.ofAll(List.of(metrics, spans)).join(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }
}
