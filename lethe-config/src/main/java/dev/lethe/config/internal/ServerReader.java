package dev.lethe.config.internal;

import dev.lethe.config.ServerSettings;
import java.time.Duration;
import java.util.List;

/** Reads {@code server: { bind: 127.0.0.1, port: 9464, logFormat: text, leaseTtl: 30s }}; every key is optional. */
final class ServerReader {

    private static final List<String> KEYS = List.of("bind", "port", "logFormat", "leaseTtl");
    private static final List<String> LOG_FORMATS = List.of("text", "json");

    private ServerReader() {
    }

    static ServerSettings read(Section server) {
        server.expectKeys(KEYS);
        ServerSettings defaults = ServerSettings.DEFAULTS;
        String bind = server.text("bind").map(text -> {
            if (text.isBlank()) {
                throw server.error(text.node(), "server.bind must be an address, e.g. 127.0.0.1 or 0.0.0.0");
            }
            return text.value();
        }).orElse(defaults.bind());
        long port = server.integer("port").orElse((long) defaults.port());
        if (port < 0 || port > 65535) {
            throw server.error(server.entry("port").orElseThrow().value(),
                    "server.port must be between 0 and 65535, was " + port);
        }
        String logFormat = server.text("logFormat").map(text -> {
            if (!LOG_FORMATS.contains(text.value())) {
                throw server.error(text.node(), "server.logFormat must be text or json, was '" + text.shown() + "'");
            }
            return text.value();
        }).orElse(defaults.logFormat());
        Duration leaseTtl = server.duration("leaseTtl").orElse(defaults.leaseTtl());
        if (leaseTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw server.error(server.entry("leaseTtl").orElseThrow().value(),
                    "server.leaseTtl must be at least 1s: the lease is renewed every third of it");
        }
        return new ServerSettings(bind, (int) port, logFormat, leaseTtl);
    }
}
