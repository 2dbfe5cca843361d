package dev.lethe.cli;

import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.RunReport;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** History as an aligned table, one run per line; times in UTC, like the state store. */
final class HistoryTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final List<RunRecord> records;

    HistoryTable(List<RunRecord> records) {
        this.records = records;
    }

    void print(PrintWriter out) {
        int policyWidth = Math.max("POLICY".length(), records.stream().mapToInt(r -> r.policy().length()).max().orElse(0));
        String format = "%6s  %-" + policyWidth + "s  %-11s  %-4s  %-20s  %10s  %12s  %12s  %7s%n";
        out.printf(format, "ID", "POLICY", "STATUS", "MODE", "STARTED", "DURATION", "MATCHED", "PROCESSED", "FAILED");
        for (RunRecord r : records) {
            Optional<RunReport> report = r.report();
            out.printf(format, r.id(), r.policy(), r.status().label(), r.dryRun() ? "plan" : "run",
                    TIME.format(r.startedAt()),
                    report.map(x -> Units.duration(x.durationMs())).orElse("-"),
                    report.map(x -> Units.count(x.matched())).orElse("-"),
                    report.map(x -> x.dryRun() ? "-" : Units.count(x.processed())).orElse("-"),
                    report.map(x -> Units.count(x.failed())).orElse("-"));
        }
    }
}
