package dev.lethe.server.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunReport;
import java.util.ArrayList;
import java.util.List;

/** A run as one log line: a sentence for text logs, fields for JSON logs. */
final class RunText {

    private RunText() {
    }

    /** e.g. {@code policy pending-uploads: ok, 822912 deleted (acked 266667, expired 556245), 1234 ms, run 17}. */
    static String summary(RunReport r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.matched() + " matched");
        if (r.deleted() > 0) {
            parts.add(r.deleted() + " deleted");
        }
        if (r.updated() > 0) {
            parts.add(r.updated() + " updated");
        }
        if (r.moved() > 0) {
            parts.add(r.moved() + " moved");
        }
        if (!r.outcomes().isEmpty()) {
            List<String> outcomes = new ArrayList<>();
            r.outcomes().forEach((label, n) -> outcomes.add(label + " " + n));
            parts.add("(" + String.join(", ", outcomes) + ")");
        }
        if (r.failed() > 0) {
            parts.add(r.failed() + " failed");
        }
        if (r.backlog() > 0) {
            parts.add("backlog " + r.backlog());
        }
        parts.add(r.durationMs() + " ms");
        if (r.runId() != null) {
            parts.add("run " + r.runId());
        }
        String text = "policy " + r.policy() + ": " + r.status().label() + ", " + String.join(", ", parts);
        if (r.error() != null) {
            text += "; error: " + r.error();
        } else if (!r.warnings().isEmpty()) {
            text += "; " + String.join("; ", r.warnings());
        }
        return text;
    }

    /** The report's contract fields plus backlog, run id and error: what a log pipeline filters and graphs on. */
    static ObjectNode fields(RunReport r) {
        ObjectNode all = ReportJson.mapper().valueToTree(r);
        all.remove("plan");
        all.remove("dataLoss");
        all.put("dataLoss", r.dataLoss().size());
        return all;
    }
}
