package org.margin.privacy.crypto.rotation;

import com.google.crypto.tink.KeyStatus;

/** A key of a keyset as an administrator sees it: id, status, whether it is the primary. No key material. */
public record KeyInfo(int keyId, KeyStatus status, boolean primary) {
}
