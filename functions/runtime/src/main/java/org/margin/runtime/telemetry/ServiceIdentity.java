package org.margin.runtime.telemetry;

import java.util.Objects;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.semconv.ServiceAttributes;

/**
 * What every span and metric of one runtime is attributed to.
 *
 * @param name                 the function's name ({@code service.name})
 * @param version              the function's version ({@code service.version}); empty when unknown
 * @param knativeService       {@code K_SERVICE}; empty when not on Knative
 * @param knativeRevision      {@code K_REVISION}; empty when not on Knative
 * @param knativeConfiguration {@code K_CONFIGURATION}; empty when not on Knative
 */
public record ServiceIdentity(String name,
                              String version,
                              String knativeService,
                              String knativeRevision,
                              String knativeConfiguration) {

    // faas.* are still incubating in the semantic conventions, so not in the stable artifact.
    static final AttributeKey<String> FAAS_NAME = AttributeKey.stringKey("faas.name");
    static final AttributeKey<String> FAAS_VERSION = AttributeKey.stringKey("faas.version");
    static final AttributeKey<String> KNATIVE_SERVICE = AttributeKey.stringKey("knative.service");
    static final AttributeKey<String> KNATIVE_REVISION = AttributeKey.stringKey("knative.revision");
    static final AttributeKey<String> KNATIVE_CONFIGURATION = AttributeKey.stringKey("knative.configuration");

    public ServiceIdentity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(knativeService, "knativeService");
        Objects.requireNonNull(knativeRevision, "knativeRevision");
        Objects.requireNonNull(knativeConfiguration, "knativeConfiguration");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a service needs a name");
        }
    }

    /** A service running outside Knative. */
    public static ServiceIdentity local(String name, String version) {
        return new ServiceIdentity(name, version, "", "", "");
    }

    /** The OpenTelemetry resource: SDK defaults, overridden by this identity. */
    Resource resource() {
        AttributesBuilder attributes = Attributes.builder().put(ServiceAttributes.SERVICE_NAME, name);
        putIfPresent(attributes, ServiceAttributes.SERVICE_VERSION, version);
        putIfPresent(attributes, FAAS_NAME, knativeService);
        putIfPresent(attributes, FAAS_VERSION, knativeRevision);
        putIfPresent(attributes, KNATIVE_SERVICE, knativeService);
        putIfPresent(attributes, KNATIVE_REVISION, knativeRevision);
        putIfPresent(attributes, KNATIVE_CONFIGURATION, knativeConfiguration);
        return Resource.getDefault().merge(Resource.create(attributes.build()));
    }

    private static void putIfPresent(AttributesBuilder attributes, AttributeKey<String> key, String value) {
        if (!value.isEmpty()) {
            attributes.put(key, value);
        }
    }
}
