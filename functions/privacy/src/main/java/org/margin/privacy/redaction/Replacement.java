package org.margin.privacy.redaction;

import org.margin.privacy.pii.EntityType;

/**
 * One replaced value: where it was in the original text, where its replacement is in the redacted text
 * (UTF-16 offsets, ends exclusive), and its type.
 */
public record Replacement(int originalStart, int originalEnd, int redactedStart, int redactedEnd, EntityType type) {
}
