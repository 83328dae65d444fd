package org.margin.privacy.crypto;

import java.util.Objects;

/**
 * A stored column whose values this module encrypted: where it is and under which purpose. A {@link
 * KeyPurpose#LOOKUP} column is bound to tenant, table and column; any other to the row as well ({@link RowContext}).
 */
public record EncryptedColumn(String table, String column, KeyPurpose purpose) {

    public EncryptedColumn {
        Objects.requireNonNull(purpose, "purpose");
        if (purpose == KeyPurpose.GRID) {
            throw new IllegalArgumentException("grid values are not stored in columns");
        }
        RowContext.requireIdentifier(table, "table");
        RowContext.requireIdentifier(column, "column");
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
