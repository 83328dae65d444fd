package org.margin.runtime.mcp.input;

import java.util.Locale;
import java.util.Optional;

/** Syslog severities of MCP logging, least severe first. */
public enum LogLevel {
    DEBUG, INFO, NOTICE, WARNING, ERROR, CRITICAL, ALERT, EMERGENCY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LogLevel> of(String wire) {
        for (LogLevel level : values()) {
            if (level.wire().equals(wire)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
