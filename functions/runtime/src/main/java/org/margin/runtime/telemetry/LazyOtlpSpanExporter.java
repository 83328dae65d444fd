package org.margin.runtime.telemetry;

import java.util.Collection;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The OTLP exporter, built when the first batch of spans is exported. The batch processor exports on its own
 * thread, so building the exporter (its HTTP client, its class loading) costs neither start-up nor a request.
 */
final class LazyOtlpSpanExporter implements SpanExporter {

    private final OtlpSettings settings;
    private volatile SpanExporter delegate;

    LazyOtlpSpanExporter(OtlpSettings settings) {
        this.settings = settings;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return delegate().export(spans);
    }

    @Override
    public CompletableResultCode flush() {
        SpanExporter built = delegate;
        return built == null ? CompletableResultCode.ofSuccess() : built.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        SpanExporter built = delegate;
        return built == null ? CompletableResultCode.ofSuccess() : built.shutdown();
    }

    private SpanExporter delegate() {
        SpanExporter built = delegate;
        if (built == null) {
            synchronized (this) {
                built = delegate;
                if (built == null) {
                    OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder()
                            .setEndpoint(settings.tracesEndpoint().toString());
                    settings.headers().forEach(builder::addHeader);
                    built = builder.build();
                    delegate = built;
                }
            }
        }
        return built;
    }

    @Override
    public String toString() {
        return "LazyOtlpSpanExporter[" + settings + "]";
    }
}
