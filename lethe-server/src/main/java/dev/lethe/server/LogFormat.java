package dev.lethe.server;

/** How the daemon writes its log lines: one per run that did something, plus lifecycle events. */
public enum LogFormat {
    /** Human-readable lines through SLF4J (the default). */
    TEXT,
    /** One JSON object per line on standard output, for log shippers. */
    JSON
}
