package org.margin.analysis.pii;

import java.lang.System.Logger.Level;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.UUID;

import org.margin.privacy.redaction.ReversibleTokenizer;
import org.margin.privacy.redaction.TinkTokenKey;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;

/**
 * The key reversible tokens are made with: the Tink keyset (JSON, a deterministic AEAD key such as AES256_SIV) in
 * {@code MARGIN_PII_TOKEN_KEYSET}, the same on every replica so that a value gets the same token wherever it is
 * redacted. Locally, without it, a random key of this process's own. On Knative, without it, the token mode is
 * unavailable rather than silently unresolvable. Read on the first token request, not at start-up. One instance
 * serves both {@code redact_pii} and {@code resolve_pii_tokens}, so that a process's random key resolves what it made.
 */
public final class TokenKey {

    public static final String KEYSET = "MARGIN_PII_TOKEN_KEYSET";

    private static final System.Logger LOG = System.getLogger(TokenKey.class.getName());
    private static final String KNATIVE_SERVICE = "K_SERVICE";

    /** Whether tokens can be made, and with what. */
    sealed interface Tokens {
    }

    record Ready(TinkTokenKey key) implements Tokens {

        /** The tokenizer of one institution: its tokens resolve for that institution only. */
        ReversibleTokenizer forInstitution(UUID tenant) {
            return key.tokenizer(tenant.toString());
        }
    }

    /** @param message fixed words for the caller, a sentence that each tool ends; never a detail of the key */
    record Unavailable(String message) implements Tokens {
    }

    private final Map<String, String> env;
    private Tokens tokens;

    /** The key {@code env} names ({@code MARGIN_PII_TOKEN_KEYSET}, {@code K_SERVICE}); nothing is read yet. */
    public TokenKey(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    synchronized Tokens tokens() {
        if (tokens == null) {
            tokens = load();
        }
        return tokens;
    }

    private Tokens load() {
        String keyset = env.get(KEYSET);
        try {
            DeterministicAeadConfig.register();
            if (keyset != null && !keyset.isBlank()) {
                return new Ready(new TinkTokenKey(
                        TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())));
            }
            if (env.containsKey(KNATIVE_SERVICE)) {
                LOG.log(Level.WARNING, KEYSET + " is not set: reversible tokens are unavailable");
                return new Unavailable("Reversible tokens are not configured on this service");
            }
            LOG.log(Level.INFO, KEYSET + " is not set: reversible tokens use a random key that ends with this process");
            return new Ready(new TinkTokenKey(
                    KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV)));
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.log(Level.ERROR, KEYSET + " does not hold a usable deterministic AEAD keyset ("
                    + e.getClass().getSimpleName() + ")");
            return new Unavailable("Reversible tokens are not available on this service");
        }
    }
}
