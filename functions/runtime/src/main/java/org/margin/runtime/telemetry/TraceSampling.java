package org.margin.runtime.telemetry;

import java.util.Locale;
import java.util.Map;

import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * Which traces are recorded, from the standard {@code OTEL_TRACES_SAMPLER} and {@code OTEL_TRACES_SAMPLER_ARG}:
 * recording a span costs CPU on every request, so a busy function may record a fraction of its traces.
 *
 * @param kind  the sampler
 * @param ratio the fraction of traces recorded, for the ratio samplers
 */
public record TraceSampling(Kind kind, double ratio) {

    static final String SAMPLER = "OTEL_TRACES_SAMPLER";
    static final String SAMPLER_ARG = "OTEL_TRACES_SAMPLER_ARG";

    /** The samplers of the OpenTelemetry environment-variable specification. */
    public enum Kind {
        ALWAYS_ON, ALWAYS_OFF, TRACEIDRATIO, PARENTBASED_ALWAYS_ON, PARENTBASED_ALWAYS_OFF, PARENTBASED_TRACEIDRATIO
    }

    public TraceSampling {
        if (!(ratio >= 0 && ratio <= 1)) {
            throw new IllegalArgumentException(SAMPLER_ARG + " must be a ratio within 0..1");
        }
    }

    /** The default: follow the caller's decision, record every trace that starts here. */
    public static TraceSampling parentBasedAlwaysOn() {
        return new TraceSampling(Kind.PARENTBASED_ALWAYS_ON, 1.0);
    }

    /**
     * The sampling the environment asks for.
     *
     * @throws IllegalArgumentException naming the variable, when one is set to something unusable
     */
    public static TraceSampling fromEnvironment(Map<String, String> env) {
        String name = env.get(SAMPLER);
        if (name == null || name.isBlank()) {
            return parentBasedAlwaysOn();
        }
        Kind kind;
        try {
            kind = Kind.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SAMPLER + " must be one of always_on, always_off, traceidratio, "
                    + "parentbased_always_on, parentbased_always_off, parentbased_traceidratio");
        }
        String argument = env.get(SAMPLER_ARG);
        if (argument == null || argument.isBlank()) {
            return new TraceSampling(kind, 1.0);
        }
        try {
            return new TraceSampling(kind, Double.parseDouble(argument.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(SAMPLER_ARG + " must be a ratio within 0..1");
        }
    }

    Sampler sampler() {
        return switch (kind) {
            case ALWAYS_ON -> Sampler.alwaysOn();
            case ALWAYS_OFF -> Sampler.alwaysOff();
            case TRACEIDRATIO -> Sampler.traceIdRatioBased(ratio);
            case PARENTBASED_ALWAYS_ON -> Sampler.parentBased(Sampler.alwaysOn());
            case PARENTBASED_ALWAYS_OFF -> Sampler.parentBased(Sampler.alwaysOff());
            case PARENTBASED_TRACEIDRATIO -> Sampler.parentBased(Sampler.traceIdRatioBased(ratio));
        };
    }
}
