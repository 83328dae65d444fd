package org.margin.privacy.redaction;

import java.util.Objects;

/** How a found value is replaced. */
public sealed interface RedactionMode {

    /** Every character (code point) becomes {@code maskChar}; line breaks stay, so the layout does too. */
    record Mask(char maskChar) implements RedactionMode {
    }

    /** Every value becomes the same {@code replacement}, such as "[redacted]". */
    record FixedMask(String replacement) implements RedactionMode {
        public FixedMask {
            Objects.requireNonNull(replacement, "replacement");
        }
    }

    /** Every value becomes its type in angle brackets: {@code <PERSON>}. */
    record TypeTag() implements RedactionMode {
    }

    /**
     * Every value becomes its type and a number, the same number for the same value within one document:
     * {@code PERSON_1}. Pass the same {@link PseudonymTable} to every redaction of one document, a new one per
     * document.
     */
    record Pseudonym(PseudonymTable table) implements RedactionMode {
        public Pseudonym {
            Objects.requireNonNull(table, "table");
        }
    }

    /** Every value becomes a token that an authorised caller can turn back into the value. */
    record ReversibleToken(ReversibleTokenizer tokenizer) implements RedactionMode {
        public ReversibleToken {
            Objects.requireNonNull(tokenizer, "tokenizer");
        }
    }

    static RedactionMode mask() {
        return new Mask('\u2588');
    }

    static RedactionMode pseudonymForNewDocument() {
        return new Pseudonym(new PseudonymTable());
    }
}
