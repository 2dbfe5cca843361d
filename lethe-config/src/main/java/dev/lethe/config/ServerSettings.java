package dev.lethe.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code server:} section: how {@code lethe serve} runs. Flags of {@code lethe serve} override it; the other
 * commands ignore it. Read once when the daemon starts: a reload does not change these.
 *
 * @param bind      address of the HTTP admin API; {@value #DEFAULT_BIND} (this machine only) unless set
 * @param port      port of the HTTP admin API, 0 for any free port; {@value #DEFAULT_PORT} unless set
 * @param logFormat {@code text} (the default) or {@code json}
 * @param leaseTtl  how long a policy's lease lasts without renewal; 30 s unless set
 */
public record ServerSettings(String bind, int port, String logFormat, Duration leaseTtl) {

    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 9464;

    /** The settings of a config without {@code server:}. */
    public static final ServerSettings DEFAULTS = new ServerSettings(DEFAULT_BIND, DEFAULT_PORT, "text", Duration.ofSeconds(30));

    public ServerSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(leaseTtl, "leaseTtl");
    }
}
