package org.margin.runtime.mcp.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;

import io.helidon.webserver.http.ServerRequest;

/** Reads a request body up to a limit, so an oversize body is refused before it is buffered whole. */
final class RequestBody {

    private RequestBody() {
    }

    /** The body, or {@code null} when it exceeds {@code maxBytes}. */
    static byte[] read(ServerRequest request, int maxBytes) throws IOException {
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            return null;
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            return body.length > maxBytes ? null : body;
        }
    }
}
