package org.margin.alerts.tool;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.alert.AlertId;
import org.margin.store.alert.AlertPosition;
import org.margin.store.alert.ListingSnapshot;

/**
 * The opaque tokens of list_alerts. A {@code cursor} names where a page ended (time and id of its last alert) and the
 * snapshot its listing read; a {@code syncToken} names a listing's snapshot, so that a later listing returns only
 * the alerts it did not see. Neither grants anything: a listing still reads among the caller's own alerts only.
 */
final class ListingTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final String SYNC = "since|";

    private ListingTokens() {
    }

    static String cursor(AlertPosition position) {
        return encode(position.raisedAt() + "|" + position.alert().value() + "|" + position.listing().text());
    }

    /** The position a cursor names; empty when it is not one this tool gave out. */
    static Optional<AlertPosition> position(String cursor) {
        Optional<String> plain = decode(cursor);
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = plain.get().split("\\|", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Instant raisedAt = Instant.parse(parts[0]);
            AlertId alert = new AlertId(UUID.fromString(parts[1]));
            return ListingSnapshot.parse(parts[2]).map(listing -> new AlertPosition(raisedAt, alert, listing));
        } catch (IllegalArgumentException | DateTimeException notACursor) {
            return Optional.empty();
        }
    }

    static String syncToken(ListingSnapshot listing) {
        return encode(SYNC + listing.text());
    }

    /** The listing a sync token names; empty when it is not one this tool gave out. */
    static Optional<ListingSnapshot> listing(String syncToken) {
        return decode(syncToken).filter(plain -> plain.startsWith(SYNC))
                .flatMap(plain -> ListingSnapshot.parse(plain.substring(SYNC.length())));
    }

    private static String encode(String plain) {
        return ENCODER.encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> decode(String token) {
        try {
            return Optional.of(new String(DECODER.decode(token), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
