package org.margin.store.integrity;

/**
 * What filing a submission's fingerprints did: how many entries were added, and how common the filed hashes are in
 * the course with this filing counted.
 */
public record Filing(long filed, HashFrequencies frequencies) {
}
