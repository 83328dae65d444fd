package org.margin.store.subject;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.margin.store.Consistency;
import org.margin.store.people.PersonId;
import org.margin.store.tenant.Sql;
import org.margin.store.tenant.TenantId;
import org.margin.store.tenant.TenantTransactions;
import reactor.core.publisher.Mono;

/** Data-subject requests and their deadlines. Never deleted: their history is the institution's evidence. */
public final class DataRequests {

    static final String COLUMNS = """
            id, subject_id, kind, regime, channel, received_at, due_at, status, completed_at, receipt::text AS receipt""";
    static final String INSERT = """
            INSERT INTO data_requests (institution_id, subject_id, kind, regime, channel, received_at, due_at,
                                       status, completed_at, receipt)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
            RETURNING id""";
    // Only a request still open, of the subject and kind the caller believes, can be closed.
    static final String CLOSE = """
            UPDATE data_requests SET status = $5, completed_at = now(), receipt = $6::jsonb
            WHERE institution_id = $1 AND id = $2 AND subject_id = $3 AND kind = $4 AND status = 'received'
            RETURNING id""";
    private static final String LIST = """
            SELECT %s FROM data_requests
            WHERE institution_id = $1 AND ($2::text IS NULL OR status = $2)
            ORDER BY status = 'received' DESC, due_at, id
            LIMIT $3""".formatted(COLUMNS);
    private static final String FIND = "SELECT %s FROM data_requests WHERE institution_id = $1 AND id = $2"
            .formatted(COLUMNS);

    private final TenantTransactions transactions;

    public DataRequests(TenantTransactions transactions) {
        this.transactions = transactions;
    }

    /** Records a request as received. */
    public DataRequestId file(TenantId tenant, NewDataRequest request) {
        return transactions.write(tenant, "data request filing", connection ->
                insert(connection, tenant, request, RequestStatus.RECEIVED, null, null));
    }

    /** Records a request answered at once (an export through a tool), with its receipt. */
    public DataRequestId fileCompleted(TenantId tenant, NewDataRequest request, String receiptJson) {
        return transactions.write(tenant, "data request filing", connection ->
                insert(connection, tenant, request, RequestStatus.COMPLETED, Instant.now(), receiptJson));
    }

    /**
     * Closes an open request of {@code subject} and {@code kind} as completed or refused; false when there is no
     * such open request.
     */
    public boolean close(TenantId tenant, DataRequestId id, PersonId subject, RequestKind kind, RequestStatus status,
                         String receiptJson) {
        if (status == RequestStatus.RECEIVED) {
            throw new IllegalArgumentException("closing sets completed or refused");
        }
        return transactions.write(tenant, "data request closing", connection ->
                Sql.rows(connection, CLOSE, row -> true, tenant.value(), id.value(), subject.value(),
                                kind.wireName(), status.wireName(), nullable(receiptJson))
                        .hasElements());
    }

    /** Open requests first, by deadline; then the closed ones. */
    public List<DataRequest> list(TenantId tenant, Optional<RequestStatus> status, int limit,
                                  Consistency consistency) {
        return transactions.query(tenant, consistency, "data request list", LIST, DataRequests::request,
                tenant.value(), status.<Object>map(RequestStatus::wireName).orElse(new Sql.Null(String.class)), limit);
    }

    public Optional<DataRequest> find(TenantId tenant, DataRequestId id, Consistency consistency) {
        return transactions.queryFirst(tenant, consistency, "data request read", FIND, DataRequests::request,
                tenant.value(), id.value());
    }

    static Mono<DataRequestId> insert(Connection connection, TenantId tenant, NewDataRequest request,
                                      RequestStatus status, Instant completedAt, String receiptJson) {
        return Sql.rows(connection, INSERT, row -> new DataRequestId(Sql.required(row, "id", UUID.class)),
                tenant.value(), request.subject().value(), request.kind().wireName(), request.regime().wireName(),
                request.channel().wireName(), request.receivedAt(), request.dueAt(), status.wireName(),
                completedAt == null ? new Sql.Null(Instant.class) : completedAt,
                nullable(receiptJson)).single();
    }

    static Object nullable(String json) {
        return json == null ? new Sql.Null(String.class) : json;
    }

    private static DataRequest request(Readable row) {
        return new DataRequest(
                new DataRequestId(Sql.required(row, "id", UUID.class)),
                new PersonId(Sql.required(row, "subject_id", UUID.class)),
                RequestKind.fromWire(Sql.required(row, "kind", String.class)),
                Regime.fromWire(Sql.required(row, "regime", String.class)),
                RequestChannel.fromWire(Sql.required(row, "channel", String.class)),
                Sql.required(row, "received_at", Instant.class),
                Sql.required(row, "due_at", Instant.class),
                RequestStatus.fromWire(Sql.required(row, "status", String.class)),
                Optional.ofNullable(row.get("completed_at", Instant.class)),
                Optional.ofNullable(row.get("receipt", String.class)));
    }
}
