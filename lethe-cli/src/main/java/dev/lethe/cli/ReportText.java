package dev.lethe.cli;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.DataLossEvent;
import dev.lethe.core.report.PlanSummary;
import dev.lethe.core.report.RunReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A run report as a block of text for a terminal: a heading line, then one labelled line per fact that
 * matters (zero counts and empty lists are left out, except the ones an operator looks for).
 */
final class ReportText {

    private static final int MAX_DATA_LOSS_LINES = 20;

    private final PrintWriter out;

    ReportText(PrintWriter out) {
        this.out = out;
    }

    void print(RunReport report, Policy policy) {
        String mode = report.dryRun() ? "plan" : "run";
        String took = report.dryRun() ? "" : " in " + Units.duration(report.durationMs());
        out.println(report.policy() + " (store " + report.store() + ", " + policy.selection().describe() + "): "
                + mode + " " + report.status().label() + took);
        PlanSummary plan = report.plan();
        if (plan != null) {
            line(report.dryRun() ? "would " + verb(policy.action()) : "matched", Units.count(report.matched())
                    + " of " + Units.count(plan.total()) + " items (" + Units.percent(plan.fraction()) + ")");
        } else if (!report.dryRun()) {
            line("matched", Units.count(report.matched()));
        }
        if (!report.dryRun()) {
            line(policy.action().verb(), Units.count(report.processed()));
            line("failed", Units.count(report.failed()));
        }
        if (!report.outcomes().isEmpty()) {
            line("outcomes", joined(report.outcomes()));
        }
        if (report.bytesFreed() > 0) {
            line("freed", Units.bytes(report.bytesFreed()));
        }
        if (!report.cascaded().isEmpty()) {
            line("cascaded", joined(report.cascaded()));
        }
        if (report.backlog() > 0) {
            line("backlog", Units.count(report.backlog()) + " items left for the next run");
        }
        printDataLoss(report.dataLoss());
        if (plan != null) {
            printPlanDetails(plan);
        }
        report.warnings().forEach(warning -> line("warning", warning));
    }

    private static String verb(Action action) {
        return action instanceof Action.MoveTo move ? "move to " + move.table()
                : action instanceof Action.Update ? "update" : "delete";
    }

    private void printPlanDetails(PlanSummary plan) {
        if (!plan.sampleKeys().isEmpty()) {
            line("sample keys", String.join(", ", plan.sampleKeys()));
        }
        line("est. size", plan.estimatedBytes() == null ? "unknown (the store cannot tell cheaply)"
                : Units.bytes(plan.estimatedBytes()));
        List<String> statements = plan.statements();
        for (int i = 0; i < statements.size(); i++) {
            line(i == 0 ? "statements" : "", statements.get(i));
        }
    }

    private void printDataLoss(List<DataLossEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        line("data loss", Units.count(events.size()) + " items");
        events.stream().limit(MAX_DATA_LOSS_LINES).forEach(e -> line("", e.key() + ": " + e.reason()));
        if (events.size() > MAX_DATA_LOSS_LINES) {
            line("", "... and " + Units.count(events.size() - MAX_DATA_LOSS_LINES) + " more (see --json)");
        }
    }

    private static String joined(Map<String, Long> counts) {
        return new TreeMap<>(counts).entrySet().stream().map(e -> e.getKey() + " " + Units.count(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private void line(String label, String value) {
        out.printf("  %-13s %s%n", label, value);
    }
}
