package org.margin.e2e.leak;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Searches every capture of every source for every form of every planted value. */
public final class LeakScanner {

    private LeakScanner() {
    }

    public static List<Leak> scan(Collection<PlantedValue> planted, Collection<CaptureSource> sources) {
        List<Leak> leaks = new ArrayList<>();
        for (CaptureSource source : sources) {
            List<String> captures = source.captures();
            for (int c = 0; c < captures.size(); c++) {
                String capture = captures.get(c).toLowerCase(Locale.ROOT);
                for (PlantedValue value : planted) {
                    for (String form : value.forms()) {
                        int at = capture.indexOf(form);
                        if (at >= 0) {
                            leaks.add(new Leak(source.name(), c, at, value, form));
                        }
                    }
                }
            }
        }
        return leaks;
    }
}
