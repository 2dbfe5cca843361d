package dev.lethe.config.internal;

import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A string value as resolved ({@code value}) and as written in the file ({@code written}).
 *
 * <p>Messages quote a value through {@link #shown()}: when the value came from the environment it may be a
 * secret, so a message shows the reference ({@code ${env:APP_DB_PASSWORD}}), never what it resolved to.
 */
record Text(String value, String written, Node node) {

    boolean interpolated() {
        return written.contains(EnvReferences.OPEN);
    }

    /** What a message may quote. */
    String shown() {
        return interpolated() ? written : value;
    }

    /** {@code message} with any quoted occurrence of the resolved value replaced by the written reference. */
    String redact(String message) {
        if (!interpolated() || value.isEmpty()) {
            return message;
        }
        return message.replace("'" + value + "'", "'" + written + "'");
    }

    boolean isBlank() {
        return value.isBlank();
    }
}
