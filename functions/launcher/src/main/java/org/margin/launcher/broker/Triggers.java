package org.margin.launcher.broker;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads Knative Trigger manifests (the cluster's own {@code triggers.yaml}) into {@link Subscription}s, with
 * subscriber and dead-letter services resolved to local addresses by name. Only what the local broker acts on is
 * read: the {@code type} filter, the subscriber and dead-letter service names, and the retry settings.
 */
public final class Triggers {

    private Triggers() {
    }

    /** The bundled copy of the cluster's Triggers. */
    public static List<Subscription> bundled(Function<String, URI> serviceAddress) {
        try (InputStream yaml = Triggers.class.getResourceAsStream("triggers.yaml")) {
            if (yaml == null) {
                throw new IllegalStateException("triggers.yaml is missing from the launcher");
            }
            return parse(yaml, serviceAddress);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("triggers.yaml could not be read", e);
        }
    }

    /**
     * @param serviceAddress the local address of a Knative Service, by name
     * @throws IllegalArgumentException naming the Trigger, when one lacks what local delivery needs
     */
    public static List<Subscription> parse(InputStream yaml, Function<String, URI> serviceAddress) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
            if (!(document instanceof Map<?, ?> manifest) || !"Trigger".equals(manifest.get("kind"))) {
                continue;
            }
            String name = string(map(manifest, "metadata"), "name", "a Trigger");
            Map<?, ?> spec = map(manifest, "spec");
            String type = string(map(map(spec, "filter"), "attributes"), "type", name);
            String subscriber = string(map(map(spec, "subscriber"), "ref"), "name", name);
            Map<?, ?> delivery = spec.get("delivery") instanceof Map<?, ?> d ? d : Map.of();
            subscriptions.add(new Subscription(name, type, serviceAddress.apply(subscriber), retry(delivery, name),
                    deadLetter(delivery, name).map(serviceAddress)));
        }
        return List.copyOf(subscriptions);
    }

    private static RetryPolicy retry(Map<?, ?> delivery, String trigger) {
        if (!delivery.containsKey("retry")) {
            return RetryPolicy.none();
        }
        int retries = delivery.get("retry") instanceof Integer n ? n : -1;
        if (retries < 0) {
            throw new IllegalArgumentException(trigger + ": delivery.retry must be a whole number");
        }
        boolean exponential = !"linear".equals(delivery.get("backoffPolicy"));
        Duration delay = delivery.get("backoffDelay") instanceof String iso ? Duration.parse(iso) : Duration.ZERO;
        return new RetryPolicy(retries, exponential, delay);
    }

    private static Optional<String> deadLetter(Map<?, ?> delivery, String trigger) {
        if (!(delivery.get("deadLetterSink") instanceof Map<?, ?> sink)) {
            return Optional.empty();
        }
        return Optional.of(string(map(sink, "ref"), "name", trigger));
    }

    private static Map<?, ?> map(Map<?, ?> parent, String key) {
        if (parent.get(key) instanceof Map<?, ?> child) {
            return child;
        }
        throw new IllegalArgumentException("a Trigger lacks " + key);
    }

    private static String string(Map<?, ?> parent, String key, String trigger) {
        if (parent.get(key) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IllegalArgumentException(trigger + " lacks " + key);
    }
}
