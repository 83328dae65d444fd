package org.margin.alerts.tool;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.alert.AlertId;
import org.margin.store.alert.AlertPosition;

/**
 * The opaque {@code cursor} of list_alerts: where the previous page ended (time and id of its last alert). It
 * grants nothing: the next page is still read among the caller's own alerts only.
 */
final class PageCursor {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private PageCursor() {
    }

    static String of(AlertPosition position) {
        String plain = position.raisedAt() + "|" + position.alert().value();
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; empty when it is not one this tool gave out. */
    static Optional<AlertPosition> read(String cursor) {
        try {
            String plain = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0) {
                return Optional.empty();
            }
            return Optional.of(new AlertPosition(Instant.parse(plain.substring(0, bar)),
                    new AlertId(UUID.fromString(plain.substring(bar + 1)))));
        } catch (IllegalArgumentException | DateTimeException notACursor) {
            return Optional.empty();
        }
    }
}
