package org.margin.privacy.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where an encrypted field lives: tenant, table, column and row. Its {@link #associatedData()} is bound into the
 * ciphertext, so a value copied to another row, column, table or tenant no longer decrypts.
 *
 * @param tenant the institution
 * @param table  the table, a plain lower-case SQL identifier
 * @param column the column, likewise
 * @param rowId  the row's id (the primary key after the tenant)
 */
public record RowContext(UUID tenant, String table, String column, UUID rowId) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final byte ROW_FORMAT = 'R';
    private static final byte LOOKUP_FORMAT = 'L';
    private static final byte VERSION = 1;

    public RowContext {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(rowId, "rowId");
        requireIdentifier(table, "table");
        requireIdentifier(column, "column");
    }

    /**
     * 'R', 1, tenant (16 bytes), row id (16 bytes), then table and column each as a one-byte length and its ASCII
     * bytes. Fixed-width ids and length prefixes make the encoding injective: no two contexts share bytes.
     */
    public byte[] associatedData() {
        return encode(ROW_FORMAT, tenant, rowId, table, column);
    }

    /** The associated data of a lookup column: like a row's, without the row, so equal values give equal bytes. */
    static byte[] lookupAssociatedData(UUID tenant, String table, String column) {
        return encode(LOOKUP_FORMAT, Objects.requireNonNull(tenant, "tenant"), null,
                requireIdentifier(table, "table"), requireIdentifier(column, "column"));
    }

    private static byte[] encode(byte format, UUID tenant, UUID rowId, String table, String column) {
        byte[] tableBytes = table.getBytes(StandardCharsets.US_ASCII);
        byte[] columnBytes = column.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buffer = ByteBuffer.allocate(2 + 16 + (rowId == null ? 0 : 16)
                + 1 + tableBytes.length + 1 + columnBytes.length);
        buffer.put(format).put(VERSION)
                .putLong(tenant.getMostSignificantBits()).putLong(tenant.getLeastSignificantBits());
        if (rowId != null) {
            buffer.putLong(rowId.getMostSignificantBits()).putLong(rowId.getLeastSignificantBits());
        }
        buffer.put((byte) tableBytes.length).put(tableBytes).put((byte) columnBytes.length).put(columnBytes);
        return buffer.array();
    }

    static String requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be a plain lower-case SQL identifier");
        }
        return name;
    }
}
