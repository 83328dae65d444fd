package org.margin.privacy.redaction;

import org.margin.privacy.pii.EntityType;

/** The outcome of resolving a reversible token. */
public sealed interface TokenResolution {

    record Resolved(EntityType type, String value) implements TokenResolution {
    }

    record Rejected(Reason reason) implements TokenResolution {
    }

    /** Why a token was not resolved: a closed set, fit for a caller, a metric label or an audit record. */
    enum Reason {
        /** Not in the token form {@code ⟦TYPE:base64url⟧}. */
        NOT_A_TOKEN,
        /** In the token form, but with an unknown type or a body that is not base64url. */
        MALFORMED,
        /**
         * Made with another key or for another owner, relabelled with another type, or altered: authenticated
         * decryption cannot tell these apart, so no caller is told which.
         */
        NOT_RESOLVABLE
    }
}
