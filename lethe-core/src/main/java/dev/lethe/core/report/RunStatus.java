package dev.lethe.core.report;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a run ended. */
public enum RunStatus {
    /** Everything matched was processed (or, in a dry run, planned). */
    OK,
    /** Some items failed or a timeout left a backlog; the rest was done. */
    PARTIAL,
    /** The run could not do its work: the store was down, the policy was rejected. */
    FAILED,
    /** A guard (maxItems, maxFraction, an inventory floor) stopped the run before any change. */
    REFUSED,
    /** Still going — only ever seen in history. */
    RUNNING,
    /** The process running it died before it finished — only ever seen in history. */
    INTERRUPTED;

    /** The lower-case name used in JSON, text output and the state store. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a {@link #label()}. */
    public static RunStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
