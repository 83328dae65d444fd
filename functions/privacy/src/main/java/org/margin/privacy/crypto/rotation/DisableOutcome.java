package org.margin.privacy.crypto.rotation;

import java.util.Map;
import org.margin.privacy.crypto.EncryptedColumn;

/** What asking to disable a key came to. */
public sealed interface DisableOutcome {

    /** The key is disabled: ciphertexts under it no longer decrypt, on every instance after its next refresh. */
    record Disabled(int keyId, long keysetVersion) implements DisableOutcome {
    }

    /** Refused: rows still hold ciphertexts under the key (per column, only columns with such rows listed). */
    record StillInUse(int keyId, Map<EncryptedColumn, Long> rows) implements DisableOutcome {
        public StillInUse {
            rows = Map.copyOf(rows);
        }
    }

    /** Refused: the key is the primary; promote another first. */
    record IsPrimary(int keyId) implements DisableOutcome {
    }

    /** Refused: the keyset has no enabled key with that id. */
    record UnknownKey(int keyId) implements DisableOutcome {
    }
}
