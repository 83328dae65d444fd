package org.margin.governance.rights;

import java.time.Duration;
import java.time.Instant;
import org.margin.runtime.mcp.protocol.Json;
import org.margin.store.subject.DataRequest;
import org.margin.store.subject.RequestStatus;
import tools.jackson.databind.node.ObjectNode;

/** A data request as tools show it, with the days left before its deadline (negative: overdue). */
final class RequestJson {

    private RequestJson() {
    }

    static ObjectNode of(DataRequest request, Instant now) {
        ObjectNode json = Json.object();
        json.put("requestId", request.id().value().toString());
        json.put("studentId", request.subject().value().toString());
        json.put("kind", request.kind().wireName());
        json.put("regime", request.regime().wireName());
        json.put("channel", request.channel().wireName());
        json.put("receivedAt", request.receivedAt().toString());
        json.put("dueAt", request.dueAt().toString());
        json.put("status", request.status().wireName());
        if (request.status() == RequestStatus.RECEIVED) {
            long daysLeft = Math.floorDiv(Duration.between(now, request.dueAt()).toHours(), 24);
            json.put("daysLeft", daysLeft);
            json.put("overdue", now.isAfter(request.dueAt()));
        } else {
            json.put("completedAt", request.completedAt().map(Instant::toString).orElse(null));
            json.put("overdue", request.completedAt().map(done -> done.isAfter(request.dueAt())).orElse(false));
        }
        request.receipt().ifPresent(receipt -> json.set("receipt", Json.MAPPER.readTree(receipt)));
        return json;
    }
}
