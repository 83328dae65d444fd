package org.margin.access;

import java.util.Objects;

/** Whether a caller may see what it asked for: permitted on a basis the disclosure log records, or denied. */
public sealed interface Decision {

    boolean permitted();

    /** Allowed; {@code basis} is what a FERPA disclosure record names as its ground. */
    record Permitted(Basis basis) implements Decision {

        public Permitted {
            Objects.requireNonNull(basis, "basis");
        }

        @Override
        public boolean permitted() {
            return true;
        }
    }

    /** Refused; {@code reason} is for logs and audit, never shown to the caller beyond a fixed sentence. */
    record Denied(DenialReason reason) implements Decision {

        public Denied {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public boolean permitted() {
            return false;
        }
    }
}
