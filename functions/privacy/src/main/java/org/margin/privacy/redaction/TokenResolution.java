package org.margin.privacy.redaction;

import org.margin.privacy.pii.EntityType;

/** The outcome of resolving a reversible token. */
public sealed interface TokenResolution {

    record Resolved(EntityType type, String value) implements TokenResolution {
    }

    /** Not a token, a token of another key, or a token altered after it was made. */
    record Rejected(String reason) implements TokenResolution {
    }
}
