package org.margin.runtime.telemetry;

import io.helidon.http.Method;

/** {@code http.request.method} values: the methods HTTP defines, and {@code _OTHER} for anything a client made up. */
enum HttpMethodLabel {
    GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH, _OTHER;

    static HttpMethodLabel of(Method method) {
        return switch (method.text()) {
            case "GET" -> GET;
            case "HEAD" -> HEAD;
            case "POST" -> POST;
            case "PUT" -> PUT;
            case "DELETE" -> DELETE;
            case "CONNECT" -> CONNECT;
            case "OPTIONS" -> OPTIONS;
            case "TRACE" -> TRACE;
            case "PATCH" -> PATCH;
            default -> _OTHER;
        };
    }
}
