package org.margin.deadletters.tools;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.margin.store.deadletter.DeadLetterId;
import org.margin.store.deadletter.PagePosition;

/**
 * The {@code cursor} of {@code list_dead_letters}: where the last page ended, as an opaque URL-safe string. It
 * holds the last letter's arrival time and id, nothing of its event.
 */
final class PageCursor {

    private static final String VERSION = "1";

    private PageCursor() {
    }

    static String encode(PagePosition position) {
        String plain = VERSION + ':' + position.receivedAt().getEpochSecond() + ':' + position.receivedAt().getNano()
                + ':' + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names; empty when the string is not a cursor this tool gave out. */
    static Optional<PagePosition> decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII)
                    .split(":", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Instant receivedAt = Instant.ofEpochSecond(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
            return Optional.of(new PagePosition(receivedAt, new DeadLetterId(UUID.fromString(parts[3]))));
        } catch (IllegalArgumentException | DateTimeException notACursor) {
            return Optional.empty();
        }
    }
}
