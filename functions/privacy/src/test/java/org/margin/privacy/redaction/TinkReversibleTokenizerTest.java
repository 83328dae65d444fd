package org.margin.privacy.redaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.daead.DeterministicAeadConfig;
import com.google.crypto.tink.daead.PredefinedDeterministicAeadParameters;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.margin.privacy.pii.EntityType;
import org.margin.privacy.pii.Finding;
import org.margin.privacy.redaction.TokenResolution.Reason;

class TinkReversibleTokenizerTest {

    private static final String NORTH = "0191f3a0-0000-7000-8000-000000000001";
    private static final String SOUTH = "0191f3a0-0000-7000-8000-000000000002";

    private static TinkTokenKey key;
    private static TinkTokenKey otherKey;

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        DeterministicAeadConfig.register();
        key = new TinkTokenKey(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
        otherKey = new TinkTokenKey(KeysetHandle.generateNew(PredefinedDeterministicAeadParameters.AES256_SIV));
    }

    @Test
    void aTokenResolvesToItsValueAndTypeAndHidesTheValueAndTheOwner() {
        ReversibleTokenizer tokenizer = key.tokenizer(NORTH);
        String token = tokenizer.tokenize(EntityType.PERSON, "Maya López");
        assertThat(token).startsWith("\u27e6PERSON:").endsWith("\u27e7").doesNotContain("Maya")
                .doesNotContain(NORTH);
        assertThat(tokenizer.resolve(token)).isEqualTo(new TokenResolution.Resolved(EntityType.PERSON, "Maya López"));
        assertThat(key.tokenizer(NORTH).resolve(token)).as("another tokenizer of the same key and owner")
                .isEqualTo(new TokenResolution.Resolved(EntityType.PERSON, "Maya López"));
    }

    @Test
    void equalValuesGiveEqualTokensForOneOwnerAndDifferentTokensForAnother() {
        ReversibleTokenizer north = key.tokenizer(NORTH);
        assertThat(north.tokenize(EntityType.PERSON, "Maya")).isEqualTo(north.tokenize(EntityType.PERSON, "Maya"));
        assertThat(north.tokenize(EntityType.PERSON, "Maya")).isNotEqualTo(north.tokenize(EntityType.PERSON, "Jonah"));
        assertThat(north.tokenize(EntityType.PERSON, "Maya"))
                .isNotEqualTo(key.tokenizer(SOUTH).tokenize(EntityType.PERSON, "Maya"));
    }

    @Test
    void anotherOwnerUnderTheSameKeyCannotResolve() {
        String token = key.tokenizer(NORTH).tokenize(EntityType.EMAIL_ADDRESS, "maya@example.com");
        assertThat(key.tokenizer(SOUTH).resolve(token)).isEqualTo(new TokenResolution.Rejected(Reason.NOT_RESOLVABLE));
        assertThat(key.tokenizer(NORTH + " ").resolve(token))
                .isEqualTo(new TokenResolution.Rejected(Reason.NOT_RESOLVABLE));
    }

    @Test
    void rejectsTokensOfAnotherKeyRelabelledOrDamagedWithTheirReason() {
        ReversibleTokenizer tokenizer = key.tokenizer(NORTH);
        String token = tokenizer.tokenize(EntityType.PERSON, "Maya");
        assertThat(otherKey.tokenizer(NORTH).resolve(token)).isEqualTo(new TokenResolution.Rejected(Reason.NOT_RESOLVABLE));
        assertThat(tokenizer.resolve(token.replace("PERSON", "EMAIL_ADDRESS")))
                .isEqualTo(new TokenResolution.Rejected(Reason.NOT_RESOLVABLE));
        assertThat(tokenizer.resolve(token.substring(0, token.length() - 3) + "AA\u27e7"))
                .isEqualTo(new TokenResolution.Rejected(Reason.NOT_RESOLVABLE));
        assertThat(tokenizer.resolve(token.replace("PERSON", "NOT_A_TYPE")))
                .isEqualTo(new TokenResolution.Rejected(Reason.MALFORMED));
        assertThat(tokenizer.resolve("\u27e6PERSON:not*base64\u27e7")).isEqualTo(new TokenResolution.Rejected(Reason.MALFORMED));
        for (String notAToken : new String[] {"Maya", "", "\u27e6\u27e7", "\u27e6PERSON\u27e7", "\u27e6", null}) {
            assertThat(tokenizer.resolve(notAToken)).isEqualTo(new TokenResolution.Rejected(Reason.NOT_A_TOKEN));
        }
    }

    @Test
    void anOwnerIsNeverBlank() {
        assertThatThrownBy(() -> key.tokenizer(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void redactsWithReversibleTokens() {
        ReversibleTokenizer tokenizer = key.tokenizer(NORTH);
        String text = "Ask Maya.";
        RedactedText redacted = Redactor.redact(text, List.of(new Finding(4, 8, EntityType.PERSON, 0.8, "person")),
                new RedactionMode.ReversibleToken(tokenizer));
        Replacement replacement = redacted.replacements().getFirst();
        String token = redacted.text().substring(replacement.redactedStart(), replacement.redactedEnd());
        assertThat(redacted.text()).startsWith("Ask \u27e6PERSON:").endsWith("\u27e7.").doesNotContain("Maya");
        assertThat(tokenizer.resolve(token)).isEqualTo(new TokenResolution.Resolved(EntityType.PERSON, "Maya"));
    }
}
