package org.margin.privacy.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;

class TinkReversibleTokenizerTest {

    private static KeysetHandle keyset;
    private static KeysetHandle otherKeyset;

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        DeterministicAeadConfig.register();
        keyset = KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
        otherKeyset = KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV);
    }

    @Test
    void aTokenResolvesToItsValueAndTypeAndHidesTheValue() throws GeneralSecurityException {
        ReversibleTokenizer tokenizer = new TinkReversibleTokenizer(keyset);
        String token = tokenizer.tokenize(EntityType.PERSON, "Maya López");
        assertThat(token).startsWith("\u27e6PERSON:").endsWith("\u27e7").doesNotContain("Maya");
        assertThat(tokenizer.resolve(token)).isEqualTo(new TokenResolution.Resolved(EntityType.PERSON, "Maya López"));
    }

    @Test
    void equalValuesGiveEqualTokensUnderOneKey() throws GeneralSecurityException {
        ReversibleTokenizer tokenizer = new TinkReversibleTokenizer(keyset);
        assertThat(tokenizer.tokenize(EntityType.PERSON, "Maya")).isEqualTo(tokenizer.tokenize(EntityType.PERSON, "Maya"));
        assertThat(tokenizer.tokenize(EntityType.PERSON, "Maya")).isNotEqualTo(tokenizer.tokenize(EntityType.PERSON, "Jonah"));
    }

    @Test
    void rejectsTokensOfAnotherKeyRelabelledOrDamaged() throws GeneralSecurityException {
        ReversibleTokenizer tokenizer = new TinkReversibleTokenizer(keyset);
        String token = tokenizer.tokenize(EntityType.PERSON, "Maya");
        assertThat(new TinkReversibleTokenizer(otherKeyset).resolve(token)).isInstanceOf(TokenResolution.Rejected.class);
        assertThat(tokenizer.resolve(token.replace("PERSON", "EMAIL_ADDRESS"))).isInstanceOf(TokenResolution.Rejected.class);
        assertThat(tokenizer.resolve(token.replace("PERSON", "NOT_A_TYPE"))).isInstanceOf(TokenResolution.Rejected.class);
        assertThat(tokenizer.resolve(token.substring(0, token.length() - 3) + "AA\u27e7"))
                .isInstanceOf(TokenResolution.Rejected.class);
        assertThat(tokenizer.resolve("Maya")).isInstanceOf(TokenResolution.Rejected.class);
    }

    @Test
    void redactsWithReversibleTokens() throws GeneralSecurityException {
        ReversibleTokenizer tokenizer = new TinkReversibleTokenizer(keyset);
        String text = "Ask Maya.";
        RedactedText redacted = Redactor.redact(text, List.of(new Finding(4, 8, EntityType.PERSON, 0.8, "person")),
                new RedactionMode.ReversibleToken(tokenizer));
        Replacement replacement = redacted.replacements().getFirst();
        String token = redacted.text().substring(replacement.redactedStart(), replacement.redactedEnd());
        assertThat(redacted.text()).startsWith("Ask \u27e6PERSON:").endsWith("\u27e7.").doesNotContain("Maya");
        assertThat(tokenizer.resolve(token)).isEqualTo(new TokenResolution.Resolved(EntityType.PERSON, "Maya"));
    }
}
