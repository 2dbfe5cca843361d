package dev.lethe.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The one JSON rendering of reports, shared by the CLI ({@code --json}), history and the HTTP API, so they
 * cannot drift apart. Map keys are sorted so output is stable across runs.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ReportJson() {
    }

    /** The shared mapper, configured for reports (ISO-8601 instants, sorted map keys). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(RunReport report) {
        return write((Object) report);
    }

    /** {@code {"runs":[...]}}, the document {@code lethe plan|run --json} prints. */
    public static String writeRuns(List<RunReport> reports) {
        return write(Map.of("runs", reports));
    }

    public static RunReport read(String json) {
        try {
            return MAPPER.readValue(json, RunReport.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable run report: " + e.getOriginalMessage(), e);
        }
    }

    /** An empty JSON object to build ad-hoc documents with. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot render JSON: " + e.getOriginalMessage(), e);
        }
    }
}
