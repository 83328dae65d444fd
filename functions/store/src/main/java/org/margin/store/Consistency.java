package org.margin.store;

/** How fresh a read must be; this decides which server answers it. */
public enum Consistency {
    /** Read from the primary: sees every write committed before the call, the caller's own included. */
    READ_YOUR_WRITES,
    /** May be answered by the read replica, which can lag the primary by the replication delay. */
    STALE_OK
}
