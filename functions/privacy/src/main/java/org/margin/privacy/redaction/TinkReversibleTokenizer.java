package org.margin.privacy.redaction;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.margin.privacy.pii.EntityType;

/**
 * Reversible tokens from Tink's deterministic AEAD (AES-256-SIV, RFC 5297) under a keyset the caller provides:
 * {@code ⟦PERSON:base64url⟧}. The entity type is bound to the ciphertext as associated data, so a token cannot
 * be relabelled as another type; deterministic encryption keeps equal values equal, which is what lets
 * tokenised texts still be compared, and also what an observer learns from them.
 */
public final class TinkReversibleTokenizer implements ReversibleTokenizer {

    private static final String OPEN = "\u27e6";
    private static final String CLOSE = "\u27e7";
    private static final String CONTEXT = "margin-pii-token-v1:";

    private final DeterministicAead aead;

    /** @param keyset a keyset whose primary key is a deterministic AEAD key, such as AES256_SIV */
    public TinkReversibleTokenizer(KeysetHandle keyset) throws GeneralSecurityException {
        DeterministicAeadConfig.register();
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
    }

    @Override
    public String tokenize(EntityType type, String value) {
        try {
            byte[] ciphertext = aead.encryptDeterministically(value.getBytes(StandardCharsets.UTF_8),
                    associatedData(type));
            return OPEN + type.name() + ':' + Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext)
                    + CLOSE;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("deterministic encryption failed", e);
        }
    }

    @Override
    public TokenResolution resolve(String token) {
        if (token == null || !token.startsWith(OPEN) || !token.endsWith(CLOSE)) {
            return new TokenResolution.Rejected("not a token");
        }
        String body = token.substring(OPEN.length(), token.length() - CLOSE.length());
        int colon = body.indexOf(':');
        if (colon < 0) {
            return new TokenResolution.Rejected("a token names its type before a colon");
        }
        EntityType type;
        byte[] ciphertext;
        try {
            type = EntityType.valueOf(body.substring(0, colon));
            ciphertext = Base64.getUrlDecoder().decode(body.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return new TokenResolution.Rejected("malformed token");
        }
        try {
            byte[] plaintext = aead.decryptDeterministically(ciphertext, associatedData(type));
            return new TokenResolution.Resolved(type, new String(plaintext, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return new TokenResolution.Rejected("the token was not made with this key, or was altered");
        }
    }

    private static byte[] associatedData(EntityType type) {
        return (CONTEXT + type.name()).getBytes(StandardCharsets.UTF_8);
    }
}
