package org.margin.privacy.redaction;

import com.google.crypto.tink.DeterministicAead;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.margin.privacy.pii.EntityType;

/**
 * Reversible tokens from Tink's deterministic AEAD (AES-256-SIV, RFC 5297), made by {@link TinkTokenKey#tokenizer}:
 * {@code ⟦PERSON:base64url⟧}. The owner and the entity type are bound to the ciphertext as associated data, so a
 * token cannot be relabelled as another type nor resolved for another owner; deterministic encryption keeps equal
 * values of one owner equal, which is what lets tokenised texts still be compared, and also what an observer
 * learns from them.
 */
public final class TinkReversibleTokenizer implements ReversibleTokenizer {

    private static final String OPEN = "\u27e6";
    private static final String CLOSE = "\u27e7";
    // v2 binds the owner; v1 tokens (type only) do not resolve under it.
    private static final String CONTEXT = "margin-pii-token-v2:";

    private final DeterministicAead aead;
    private final String owner;

    TinkReversibleTokenizer(DeterministicAead aead, String owner) {
        this.aead = aead;
        this.owner = owner;
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
        if (token == null || token.length() < OPEN.length() + CLOSE.length() || !token.startsWith(OPEN)
                || !token.endsWith(CLOSE)) {
            return new TokenResolution.Rejected(TokenResolution.Reason.NOT_A_TOKEN);
        }
        String body = token.substring(OPEN.length(), token.length() - CLOSE.length());
        int colon = body.indexOf(':');
        if (colon < 0) {
            return new TokenResolution.Rejected(TokenResolution.Reason.NOT_A_TOKEN);
        }
        EntityType type;
        byte[] ciphertext;
        try {
            type = EntityType.valueOf(body.substring(0, colon));
            ciphertext = Base64.getUrlDecoder().decode(body.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return new TokenResolution.Rejected(TokenResolution.Reason.MALFORMED);
        }
        try {
            byte[] plaintext = aead.decryptDeterministically(ciphertext, associatedData(type));
            return new TokenResolution.Resolved(type, new String(plaintext, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            return new TokenResolution.Rejected(TokenResolution.Reason.NOT_RESOLVABLE);
        }
    }

    // The type has no ':', so "owner:type" splits one way only, whatever the owner holds.
    private byte[] associatedData(EntityType type) {
        return (CONTEXT + owner + ':' + type.name()).getBytes(StandardCharsets.UTF_8);
    }
}
