package org.margin.governance.access;

import java.util.function.Function;
import org.margin.governance.mcp.Schemas;
import org.margin.runtime.mcp.outcome.ToolOutcome;
import org.margin.store.StoreUnavailableException;

/** Runs a tool's work once {@link Access} has decided; a store outage becomes a tool error asking to retry. */
public final class Guarded {

    private Guarded() {
    }

    public static ToolOutcome run(Access.Decided decision, Function<Access.Granted, ToolOutcome> work) {
        return switch (decision) {
            case Access.Refused refused -> refused.error();
            case Access.Granted granted -> {
                try {
                    yield work.apply(granted);
                } catch (StoreUnavailableException unavailable) {
                    yield Schemas.UNAVAILABLE;
                }
            }
        };
    }
}
