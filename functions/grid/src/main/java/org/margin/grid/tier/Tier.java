package org.margin.grid.tier;

import java.util.Locale;

/** Where a read was answered. */
public enum Tier {
    /** The near cache in this process. */
    L1,
    /** The grid's map. */
    L2,
    /** The caller's store. */
    L3;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
