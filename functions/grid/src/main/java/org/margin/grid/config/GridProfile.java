package org.margin.grid.config;

/** Where the grid runs, which picks the YAML of hazelcast-config/ that members and clients load. */
public enum GridProfile {
    /** One member in the launcher's process (or a few in tests), on loopback. */
    LOCAL("member-local.yaml", "client-local.yaml"),
    /** Members as pods of a StatefulSet, found through Kubernetes' API. */
    KUBERNETES("member-kubernetes.yaml", "client-kubernetes.yaml");

    private static final String FOLDER = "hazelcast-config/";

    private final String memberResource;
    private final String clientResource;

    GridProfile(String memberFile, String clientFile) {
        this.memberResource = FOLDER + memberFile;
        this.clientResource = FOLDER + clientFile;
    }

    /** The class-path resource of the member configuration. */
    public String memberResource() {
        return memberResource;
    }

    /** The class-path resource of the client configuration. */
    public String clientResource() {
        return clientResource;
    }

    /** The profile named by {@code MARGIN_GRID_PROFILE} ({@code local} or {@code kubernetes}); local if unset. */
    public static GridProfile named(String name) {
        if (name == null || name.isBlank()) {
            return LOCAL;
        }
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "local" -> LOCAL;
            case "kubernetes" -> KUBERNETES;
            default -> throw new IllegalArgumentException("unknown grid profile '" + name + "'; use local or kubernetes");
        };
    }
}
