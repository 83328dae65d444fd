package org.margin.audit.verify;

/** The outcome of verifying one chain. */
public sealed interface Verification {

    /** Every entry is where the chain puts it, and every checkpoint is signed, matches and extends the previous. */
    record Verified(long entries, int checkpoints) implements Verification {
    }

    /**
     * The first bad place.
     *
     * @param seq    the first bad entry's sequence number (for a checkpoint, its tree size)
     * @param detail what is wrong, in a sentence that names no entry's content
     */
    record Failed(long seq, Tampering tampering, String detail) implements Verification {
    }
}
