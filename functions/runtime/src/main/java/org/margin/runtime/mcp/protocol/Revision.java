package org.margin.runtime.mcp.protocol;

import java.util.List;
import java.util.Optional;

/** The MCP revisions this engine speaks, newest first. */
public enum Revision {
    /** Stateless: per-request {@code _meta}, no sessions, input requests via {@code input_required} results. */
    V2026_07_28("2026-07-28"),
    /** Session-based: initialize handshake, {@code Mcp-Session-Id}, server-to-client requests on SSE. */
    V2025_11_25("2025-11-25"),
    /** Session-based, as 2025-11-25 on the wire as far as this engine is concerned. */
    V2025_06_18("2025-06-18");

    /** Every version string the server accepts, newest first, as advertised to clients. */
    public static final List<String> SUPPORTED = List.of(V2026_07_28.wire, V2025_11_25.wire, V2025_06_18.wire);

    private final String wire;

    Revision(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean stateless() {
        return this == V2026_07_28;
    }

    public static Optional<Revision> of(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (Revision revision : values()) {
            if (revision.wire.equals(wire)) {
                return Optional.of(revision);
            }
        }
        return Optional.empty();
    }
}
