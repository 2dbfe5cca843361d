package dev.lethe.cli;

import dev.lethe.config.LetheConfig;
import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What {@code plan} and {@code run} share: run the selected policies in one mode, render, pick the exit code. */
final class PolicyRuns {

    private PolicyRuns() {
    }

    static int execute(CommonOptions options, RunMode mode, LetheCommand root) {
        LetheConfig config = options.load();
        List<Policy> policies = options.select(config);
        RunListener listener = root.interactive() && mode == RunMode.EXECUTE ? new ProgressLine(root.err()) : RunListener.NONE;
        List<RunReport> reports;
        try (Engine engine = ConfiguredEngine.open(config, listener)) {
            reports = engine.runAll(policies, mode);
        }
        PrintWriter out = root.out();
        if (options.json) {
            out.println(ReportJson.writeRuns(reports));
        } else {
            print(out, reports, policies);
        }
        out.flush();
        return ExitCode.of(reports);
    }

    private static void print(PrintWriter out, List<RunReport> reports, List<Policy> policies) {
        if (reports.isEmpty()) {
            out.println("no policies to run");
            return;
        }
        Map<String, Policy> byName = policies.stream().collect(Collectors.toMap(Policy::name, Function.identity()));
        ReportText text = new ReportText(out);
        for (int i = 0; i < reports.size(); i++) {
            if (i > 0) {
                out.println();
            }
            text.print(reports.get(i), byName.get(reports.get(i).policy()));
        }
        if (reports.size() > 1) {
            out.println();
            out.println(reports.size() + " policies: " + Arrays.stream(RunStatus.values())
                    .map(status -> Map.entry(status, reports.stream().filter(r -> r.status() == status).count()))
                    .filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey().label())
                    .collect(Collectors.joining(", ")));
        }
    }
}
