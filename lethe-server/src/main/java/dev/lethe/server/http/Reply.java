package dev.lethe.server.http;

import com.sun.net.httpserver.HttpExchange;
import dev.lethe.core.report.ReportJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An HTTP answer: status, content type and body; JSON unless said otherwise. */
record Reply(int status, String contentType, String body, Map<String, String> headers) {

    private static final String JSON = "application/json; charset=utf-8";

    static Reply json(int status, Object value) {
        return new Reply(status, JSON, ReportJson.write(value), Map.of());
    }

    /** {@code {"error": message}}; messages never carry secrets (stores and config mask them at the source). */
    static Reply error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    static Reply text(int status, String contentType, String body) {
        return new Reply(status, contentType, body, Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put(name, value);
        return new Reply(status, contentType, body, all);
    }

    void send(HttpExchange exchange) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
