package org.margin.privacy.crypto.rotation;

import org.margin.privacy.crypto.EncryptedColumn;

/**
 * Re-encryption of one column: rows moved to the primary key so far; rows still under another key (counted from
 * the key-id prefixes when the column started, less those moved; recounted when the job finished); and rows whose
 * value did not decrypt, left as they are.
 */
public record ColumnProgress(EncryptedColumn column, long done, long remaining, long failed) {
}
