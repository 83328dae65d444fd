package org.margin.grid.key;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an identifier (a student's id, a session id) into the key the grid sees: HMAC-SHA256 of the namespace and
 * the identifier under a key from configuration. The grid, its logs and its metrics never see the identifier, and
 * without the key a pseudonym cannot be linked back to it or across namespaces.
 */
public final class KeyPseudonyms {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();
    private static final int MINIMUM_KEY_BYTES = 32;

    private final Mac prototype;

    private KeyPseudonyms(Mac prototype) {
        this.prototype = prototype;
    }

    /** Pseudonyms under {@code key}, which must have at least 32 bytes. */
    public static KeyPseudonyms withKey(byte[] key) {
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key needs at least " + MINIMUM_KEY_BYTES + " bytes");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return new KeyPseudonyms(mac);
        } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    /** The pseudonym of {@code identifier} within {@code namespace} (e.g. a cache's name), as URL-safe text. */
    public String of(String namespace, String identifier) {
        Mac mac = copy();
        mac.update(namespace.getBytes(StandardCharsets.UTF_8));
        // A separator that cannot occur in UTF-8 text keeps ("ab", "c") and ("a", "bc") apart.
        mac.update((byte) 0xFF);
        return TEXT.encodeToString(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
    }

    // Mac is not thread-safe; cloning an initialised one is far cheaper than creating one per call.
    private Mac copy() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException unexpected) {
            throw new IllegalStateException("the JDK's HmacSHA256 is cloneable", unexpected);
        }
    }
}
