package org.margin.runtime.mcp.content;

/** Who a prompt message speaks as. */
public enum Role {
    USER("user"),
    ASSISTANT("assistant");

    private final String wire;

    Role(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
