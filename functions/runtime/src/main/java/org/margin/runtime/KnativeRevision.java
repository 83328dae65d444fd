package org.margin.runtime;

import java.util.Objects;

/**
 * Which Knative revision this process serves, from the variables Knative sets in every container.
 *
 * @param service       {@code K_SERVICE}
 * @param revision      {@code K_REVISION}
 * @param configuration {@code K_CONFIGURATION}
 */
public record KnativeRevision(String service, String revision, String configuration) {

    public KnativeRevision {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(configuration, "configuration");
    }
}
