package dev.lethe.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.server.LogFormat;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's log: one line per run that did something, and lifecycle events. Text goes through SLF4J;
 * JSON is one object per line on a stream of its own (standard output), so a log shipper gets whole lines it
 * can parse without a logging backend's prefix.
 *
 * <p>Runs that matched nothing and ended {@code ok} are logged at debug only: a daemon that sweeps every
 * minute must not fill the log with "nothing to do". Runs that did not end {@code ok} are warnings.
 */
public final class DaemonLog {

    private static final Logger RUNS = LoggerFactory.getLogger("dev.lethe.server.runs");
    private static final Logger EVENTS = LoggerFactory.getLogger("dev.lethe.server");

    private final LogFormat format;
    private final PrintStream jsonOut;
    private final Clock clock;

    public DaemonLog(LogFormat format, PrintStream jsonOut, Clock clock) {
        this.format = format;
        this.jsonOut = jsonOut;
        this.clock = clock;
    }

    /** Logs a finished run: warn unless ok, info if it changed or failed items, debug otherwise. */
    public void run(RunReport report) {
        boolean quiet = report.status() == RunStatus.OK && report.processed() == 0 && report.failed() == 0;
        String level = report.status() == RunStatus.OK ? (quiet ? "debug" : "info") : "warn";
        if (format == LogFormat.JSON) {
            if (!quiet || RUNS.isDebugEnabled()) {
                ObjectNode line = line(level, "run", RunText.summary(report));
                line.setAll(RunText.fields(report));
                print(line);
            }
            return;
        }
        String text = RunText.summary(report);
        switch (level) {
            case "warn" -> RUNS.warn(text);
            case "info" -> RUNS.info(text);
            default -> RUNS.debug(text);
        }
    }

    public void info(String event, String message, Map<String, ?> fields) {
        event("info", event, message, fields);
    }

    public void warn(String event, String message, Map<String, ?> fields) {
        event("warn", event, message, fields);
    }

    public void debug(String event, String message, Map<String, ?> fields) {
        event("debug", event, message, fields);
    }

    private void event(String level, String event, String message, Map<String, ?> fields) {
        if (format == LogFormat.JSON) {
            if (!level.equals("debug") || EVENTS.isDebugEnabled()) {
                ObjectNode line = line(level, event, message);
                fields.forEach((k, v) -> line.set(k, ReportJson.mapper().valueToTree(v)));
                print(line);
            }
            return;
        }
        switch (level) {
            case "warn" -> EVENTS.warn(message);
            case "info" -> EVENTS.info(message);
            default -> EVENTS.debug(message);
        }
    }

    private ObjectNode line(String level, String event, String message) {
        ObjectNode line = ReportJson.object();
        line.put("time", clock.instant().toString());
        line.put("level", level);
        line.put("event", event);
        line.put("message", message);
        return line;
    }

    private void print(ObjectNode line) {
        String text = ReportJson.write(line);
        synchronized (jsonOut) {
            jsonOut.println(text);
            jsonOut.flush();
        }
    }
}
