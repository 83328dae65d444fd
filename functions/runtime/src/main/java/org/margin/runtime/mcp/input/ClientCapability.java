package org.margin.runtime.mcp.input;

import java.util.EnumSet;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/** The client capabilities a server may depend on when it asks the client for input. */
public enum ClientCapability {
    ELICITATION("elicitation"),
    SAMPLING("sampling"),
    ROOTS("roots");

    private final String wire;

    ClientCapability(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /** The capabilities declared in a client's {@code capabilities} object; unknown members are ignored. */
    public static Set<ClientCapability> declaredIn(JsonNode capabilities) {
        EnumSet<ClientCapability> declared = EnumSet.noneOf(ClientCapability.class);
        if (capabilities != null && capabilities.isObject()) {
            for (ClientCapability capability : values()) {
                if (capabilities.get(capability.wire) instanceof JsonNode value && value.isObject()) {
                    declared.add(capability);
                }
            }
        }
        return declared;
    }
}
