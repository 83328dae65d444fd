package org.margin.privacy.redaction;

import org.margin.privacy.pii.EntityType;

/**
 * Turns a value into a token that can be turned back. The same value of the same type always gives the same
 * token under one key, so tokens can be joined and counted without being resolved.
 *
 * <p>Resolving is a privileged act: only a caller acting for an authorised role (for instance the school's
 * designated safeguarding lead) may call {@link #resolve}. This library does not know roles; every caller that
 * exposes resolution must check them first.
 */
public interface ReversibleTokenizer {

    /** The token for {@code value}; it contains neither the value nor anything from which to guess it. */
    String tokenize(EntityType type, String value);

    /** The value behind a token made by this tokenizer's key, or why it cannot be given. */
    TokenResolution resolve(String token);
}
