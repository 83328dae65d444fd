package org.margin.grid.coherence;

/** Why a near-cache entry was dropped. */
public enum InvalidationCause {
    /** This instance wrote the entry. */
    LOCAL_WRITE,
    /** Another instance wrote it and sent a notice. */
    NOTICE;

    /** The label value in metrics. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
