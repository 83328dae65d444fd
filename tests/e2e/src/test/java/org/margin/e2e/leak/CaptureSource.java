package org.margin.e2e.leak;

import java.util.List;
import java.util.function.Supplier;

/**
 * Somewhere a function's output ends up that must never hold personal data: its log, its exported spans, its
 * metrics, the error messages it returns; later the grid's keys and the events it emits.
 */
public interface CaptureSource {

    /** What the captures are, for a leak report ("log", "spans"). */
    String name();

    /** Everything captured so far, one entry per line, payload or message. */
    List<String> captures();

    static CaptureSource of(String name, Supplier<List<String>> captures) {
        return new CaptureSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> captures() {
                return captures.get();
            }
        };
    }
}
