package org.margin.store.tenant;

import java.util.Objects;
import java.util.UUID;

/** An institution: the tenant every stored row belongs to, and the scope of every query. */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "tenant");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
