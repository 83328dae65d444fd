package org.margin.privacy.crypto.rotation;

import java.util.Objects;
import java.util.UUID;

/** A row's id and the ciphertext one of its columns holds. */
public record EncryptedRow(UUID rowId, byte[] value) {

    public EncryptedRow {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "EncryptedRow[" + rowId + ", " + value.length + " bytes]";
    }
}
