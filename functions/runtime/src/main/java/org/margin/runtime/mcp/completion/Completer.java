package org.margin.runtime.mcp.completion;

import java.util.List;
import java.util.Map;

/** Suggests values for one argument. */
@FunctionalInterface
public interface Completer {

    /**
     * @param partial   what the user typed so far
     * @param arguments the values of other arguments already chosen
     * @return suggestions, best first
     */
    List<String> complete(String partial, Map<String, String> arguments);
}
