package org.margin.store.deadletter;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.Opaque;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantTransactions;

/**
 * Events the broker could not deliver, kept for operators. Operator data of no tenant: the calls take no tenant,
 * and their transactions set none.
 */
public final class DeadLetters {

    /** The most letters one page or one batch holds. */
    public static final int MAX_BATCH = 500;

    // A copy (same source and id) counts, and if the letter had been replayed, that replay failed once more.
    private static final String KEEP = """
            INSERT INTO dead_letters (type, source, event_id, destination, status, event)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (source, event_id) DO UPDATE
            SET copies = dead_letters.copies + 1, replayed_at = NULL
            RETURNING id, copies""";
    private static final String COLUMNS =
            "id, received_at, type, source, event_id, destination, status, copies, replayed_at, replay_count";
    private static final String PAGE = """
            SELECT %s FROM dead_letters
            WHERE ($1::text IS NULL OR type = $1)
              AND ($2::text IS NULL OR destination = $2)
              AND ($3::boolean IS NULL OR (replayed_at IS NOT NULL) = $3)
              AND ($4::timestamptz IS NULL OR (received_at, id) < ($4, $5::uuid))
            ORDER BY received_at DESC, id DESC
            LIMIT $6""".formatted(COLUMNS);
    private static final String EVENTS = """
            SELECT id, event FROM dead_letters WHERE id = ANY($1::uuid[]) ORDER BY received_at, id""";
    private static final String UNREPLAYED_OF_TYPE = """
            SELECT id, event FROM dead_letters WHERE type = $1 AND replayed_at IS NULL
            ORDER BY received_at, id LIMIT $2""";
    private static final String MARK_REPLAYED = """
            UPDATE dead_letters SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = $1""";

    private final TenantTransactions transactions;

    public DeadLetters(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** What keeping a letter did: the letter's id, and how many copies of it have now arrived (1: a new letter). */
    public record Kept(DeadLetterId id, int copies) {
    }

    /** Keeps a letter, once per event source and id; a later copy only counts and marks it not replayed. */
    public Kept keep(NewDeadLetter letter) {
        return transactions.writeWithoutTenant("dead letter keeping", connection -> Sql.rows(connection, KEEP,
                        row -> new Kept(new DeadLetterId(Sql.required(row, "id", UUID.class)),
                                Sql.required(row, "copies", Integer.class)),
                        letter.type(), letter.source(), letter.eventId(),
                        letter.destination().<Object>map(destination -> destination)
                                .orElse(new Sql.Null(String.class)),
                        letter.status().<Object>map(status -> status).orElse(new Sql.Null(Integer.class)),
                        letter.event().bytes())
                .single());
    }

    /**
     * A page of at most {@code limit} letters that pass {@code filter}, newest first, starting after {@code after}
     * (from the start when empty).
     */
    public DeadLetterPage page(DeadLetterFilter filter, Optional<PagePosition> after, int limit,
                               Consistency consistency) {
        requireLimit(limit);
        Object replayed = switch (filter.replayState()) {
            case ANY -> new Sql.Null(Boolean.class);
            case REPLAYED -> true;
            case NOT_REPLAYED -> false;
        };
        List<DeadLetter> rows = transactions.queryWithoutTenant(consistency, "dead letter listing", PAGE,
                DeadLetters::letterOf,
                filter.type().<Object>map(type -> type).orElse(new Sql.Null(String.class)),
                filter.destination().<Object>map(destination -> destination).orElse(new Sql.Null(String.class)),
                replayed,
                after.<Object>map(position -> position.receivedAt()).orElse(new Sql.Null(Instant.class)),
                after.<Object>map(position -> position.id().value()).orElse(new Sql.Null(UUID.class)),
                limit + 1);
        if (rows.size() <= limit) {
            return new DeadLetterPage(rows, Optional.empty());
        }
        List<DeadLetter> page = new ArrayList<>(rows.subList(0, limit));
        DeadLetter last = page.getLast();
        return new DeadLetterPage(page, Optional.of(new PagePosition(last.receivedAt(), last.id())));
    }

    /** The events of the given letters, oldest first; ids that name no letter are left out. */
    public List<DeadLetterEvent> events(List<DeadLetterId> ids) {
        if (ids.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " letters at once");
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        String[] values = ids.stream().map(DeadLetterId::toString).toArray(String[]::new);
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "dead letter events read", EVENTS,
                DeadLetters::eventOf, (Object) values);
    }

    /** The events of at most {@code limit} letters of {@code type} not yet replayed, oldest first. */
    public List<DeadLetterEvent> unreplayed(String type, int limit) {
        requireLimit(limit);
        return transactions.queryWithoutTenant(Consistency.READ_YOUR_WRITES, "unreplayed dead letters read",
                UNREPLAYED_OF_TYPE, DeadLetters::eventOf, type, limit);
    }

    /** Marks a letter replayed now; false when there is no such letter. */
    public boolean markReplayed(DeadLetterId id) {
        return transactions.writeWithoutTenant("dead letter replay marking",
                connection -> Sql.update(connection, MARK_REPLAYED, id.value()).map(updated -> updated > 0));
    }

    private static void requireLimit(int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_BATCH);
        }
    }

    private static DeadLetter letterOf(Readable row) {
        return new DeadLetter(
                new DeadLetterId(Sql.required(row, "id", UUID.class)),
                Sql.required(row, "received_at", Instant.class),
                Sql.required(row, "type", String.class),
                Sql.required(row, "source", String.class),
                Sql.required(row, "event_id", String.class),
                Optional.ofNullable(row.get("destination", String.class)),
                Optional.ofNullable(row.get("status", Integer.class)),
                Sql.required(row, "copies", Integer.class),
                Optional.ofNullable(row.get("replayed_at", Instant.class)),
                Sql.required(row, "replay_count", Integer.class));
    }

    private static DeadLetterEvent eventOf(Readable row) {
        return new DeadLetterEvent(new DeadLetterId(Sql.required(row, "id", UUID.class)),
                Opaque.of(Sql.required(row, "event", byte[].class)));
    }
}
