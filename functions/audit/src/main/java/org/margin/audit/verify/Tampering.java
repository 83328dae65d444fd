package org.margin.audit.verify;

/** What the verifier found wrong at the first bad place of a chain. */
public enum Tampering {
    /** An entry's bytes or chain hash are not what the chain says they were. */
    ALTERED,
    /** An entry is missing: a gap in the sequence, or fewer entries than a checkpoint covers. */
    REMOVED,
    /** An entry that belongs at this place is stored at another. */
    REORDERED,
    /** A checkpoint's signature does not verify, its root is not the entries', or it is not consistent with the previous one. */
    BAD_CHECKPOINT
}
