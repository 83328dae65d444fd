package org.margin.privacy.redaction;

import com.google.crypto.tink.DeterministicAead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import java.security.GeneralSecurityException;
import java.util.Objects;

/**
 * A deterministic AEAD key (AES-256-SIV) for reversible tokens, and the tokenizers of each owner under it. The
 * primitive is made once here; a tokenizer per owner costs an object, so a caller may take one per request.
 */
public final class TinkTokenKey {

    private final DeterministicAead aead;

    /** @param keyset a keyset whose primary key is a deterministic AEAD key, such as AES256_SIV */
    public TinkTokenKey(KeysetHandle keyset) throws GeneralSecurityException {
        DeterministicAeadConfig.register();
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), DeterministicAead.class);
    }

    /**
     * The tokenizer of {@code owner}, for whom its tokens are made: an institution's id, for instance. The owner is
     * bound to every token as associated data and is not written into it, so a token resolves only under the same
     * key and the same owner, and does not tell whose it is.
     *
     * @param owner not blank; compared exactly
     */
    public ReversibleTokenizer tokenizer(String owner) {
        Objects.requireNonNull(owner, "owner");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("a token owner is not blank");
        }
        return new TinkReversibleTokenizer(aead, owner);
    }
}
