package dev.lethe.bench;

import java.util.List;
import java.util.Map;

/**
 * Renders a benchmark run as Markdown: the record a reader checks a figure in docs/benchmarks.md against.
 * One table per scenario, ratios against its anchor, the targets judged, the exact statements.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(BenchRun run) {
        StringBuilder md = new StringBuilder();
        md.append("# Lethe benchmark, ").append(run.startedAt()).append("\n\n");
        md.append("Command: `").append(run.command()).append("`  \n");
        md.append("Machine: ").append(machine(run.machine())).append("  \n");
        md.append("Checkout: ").append(run.machine().get("revision")).append(", lethe.jar built ")
                .append(run.machine().get("lethe.jar built")).append(", sha256 ")
                .append(run.machine().get("lethe.jar sha256")).append("  \n");
        md.append("Load (1-minute, `uptime`) around the timings: ").append(run.loadRange()).append("\n\n");
        for (ScenarioResult s : run.scenarios()) {
            scenario(md, s);
        }
        return md.toString();
    }

    private static String machine(Map<String, String> m) {
        return m.get("cpu") + ", " + m.get("cores") + " cores, " + m.get("memory") + ", " + m.get("kernel") + ", "
                + m.get("java");
    }

    private static void scenario(StringBuilder md, ScenarioResult s) {
        md.append("## ").append(s.name()).append("\n\n");
        for (Dataset.Expected e : s.expected()) {
            md.append(String.format("Copy of %,d rows: %,d eligible (%,d acked, %,d expired), %,d left by a correct sweep.  %n",
                    e.rows(), e.eligible(), e.acked(), e.expired(), e.remaining()));
        }
        md.append("Server: ").append(s.settings()).append("\n\n");
        if (s.impact()) {
            impactTable(md, s);
        } else if (!s.timed()) {
            memoryTable(md, s.summaries());
        } else {
            timeTable(md, s);
        }
        if (!s.verdicts().isEmpty()) {
            md.append("\nTargets:\n");
            for (Target.Verdict v : s.verdicts()) {
                md.append("- ").append(v.target()).append(": ").append(v.detail()).append('\n');
            }
        }
        md.append("\nWhat ran:\n");
        s.measurements().stream().filter(m -> m.round() == 1).forEach(m -> md.append("- ").append(m.contender())
                .append(": `").append(m.description()).append("`\n"));
        md.append("\nPer round:\n");
        for (Measurement m : s.measurements()) {
            md.append("- ").append(m.contender()).append(", round ").append(m.round()).append(": ").append(m.status());
            if (m.timing() != null) {
                md.append(String.format(", %.3f s", m.timing().wallMs() / 1000));
                if (m.timing().note() != null) {
                    md.append(", ").append(m.timing().note());
                }
            }
            if (m.loadBefore() != null && m.loadAfter() != null) {
                md.append(", load ").append(m.loadBefore()).append(" -> ").append(m.loadAfter());
            }
            if (m.detail() != null) {
                md.append(", ").append(m.detail().replace('\n', ' '));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void timeTable(StringBuilder md, ScenarioResult s) {
        String anchor = s.anchor();
        md.append("| contender | wall s | engine s | x ").append(anchor).append(" (wall) | x ").append(anchor)
                .append(" (engine) | deleted | correct rounds | max load 1m | max RSS MiB |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TrialSummary t : s.summaries()) {
            md.append("| ").append(t.label())
                    .append(" | ").append(seconds(t.wallMs()))
                    .append(" | ").append(seconds(t.engineMs()))
                    .append(" | ").append(times(s.ratio(t.wallMs())))
                    .append(" | ").append(times(s.ratio(t.engineMs())))
                    .append(" | ").append(t.deleted() == null ? "-" : String.format("%,d", t.deleted()))
                    .append(" | ").append(t.correct()).append('/').append(t.rounds())
                    .append(" | ").append(String.format("%.2f", t.maxLoadOne()))
                    .append(" | ").append(t.maxRssKiB() == null ? "-" : String.valueOf(t.maxRssKiB() / 1024))
                    .append(" |\n");
        }
    }

    /**
     * The workload's figures during each sweep next to the workload alone, and the sweep's own time under load.
     * Latencies are over the transactions in flight during the sweep; TPS over those completed in it. A contender
     * that reports its engine's window (Lethe) gets a second row for that window alone.
     */
    private static void impactTable(StringBuilder md, ScenarioResult s) {
        WorkloadStats base = s.anchorWorkload();
        md.append("Workload: ").append(Pgbench.CLIENTS).append(" clients, TPC-B-like, scale ").append(Pgbench.SCALE)
                .append(", ").append(Pgbench.SECONDS).append(" s per trial; the sweep starts after ")
                .append(Pgbench.WARMUP_MS / 1000).append(" s. Figures over the sweep's window (the baseline: ")
                .append(UnderWorkload.BASELINE_WINDOW_MS / 1000).append(" s after the same warm-up); medians of the"
                        + " correct rounds. Transactions lost: (TPS alone - TPS) x the window.\n\n");
        md.append("| trial | window | window s | TPS | x TPS alone | p50 ms | p99 ms | x p99 alone | max ms"
                + " | transactions lost | transactions in window | failed | correct rounds | max load 1m |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TrialSummary t : s.summaries()) {
            boolean sweep = !t.label().equals(s.anchor());
            impactRow(md, t, sweep ? "the sweep" : "baseline", t.workload(), base);
            if (t.engineWorkload() != null) {
                impactRow(md, t, "its engine only", t.engineWorkload(), base);
            }
        }
    }

    private static void impactRow(StringBuilder md, TrialSummary t, String window, WorkloadStats w, WorkloadStats base) {
        md.append("| ").append(t.label()).append(" | ").append(window);
        if (w == null) {
            md.append(" | - | - | - | - | - | - | - | - | - | -");
        } else {
            md.append(" | ").append(String.format("%.2f", w.windowMs() / 1000))
                    .append(" | ").append(String.format("%.0f", w.tps()))
                    .append(" | ").append(times(w.tpsVs(base)))
                    .append(" | ").append(String.format("%.2f", w.p50Ms()))
                    .append(" | ").append(String.format("%.2f", w.p99Ms()))
                    .append(" | ").append(times(w.p99Vs(base)))
                    .append(" | ").append(String.format("%.1f", w.maxMs()))
                    .append(" | ").append(w.lostVs(base) == null ? "-" : String.format("%,.0f", w.lostVs(base)))
                    .append(" | ").append(String.format("%,d", w.transactions()))
                    .append(" | ").append(w.failed());
        }
        md.append(" | ").append(t.correct()).append('/').append(t.rounds())
                .append(" | ").append(String.format("%.2f", t.maxLoadOne()))
                .append(" |\n");
    }

    private static void memoryTable(StringBuilder md, List<TrialSummary> summaries) {
        md.append("| trial | wall s | engine s | max RSS MiB | GCs | peak heap before GC MiB | live heap after GC MiB"
                + " | heap used at exit MiB | heap committed MiB | correct rounds | max load 1m |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TrialSummary t : summaries) {
            GcSummary gc = t.gc();
            md.append("| ").append(t.label())
                    .append(" | ").append(seconds(t.wallMs()))
                    .append(" | ").append(seconds(t.engineMs()))
                    .append(" | ").append(t.maxRssKiB() == null ? "-" : String.valueOf(t.maxRssKiB() / 1024))
                    .append(" | ").append(gc == null ? "-" : String.valueOf(gc.collections()))
                    .append(" | ").append(gc == null ? "-" : String.valueOf(gc.peakBeforeGcKiB() / 1024))
                    .append(" | ").append(gc == null ? "-" : String.valueOf(gc.peakAfterGcKiB() / 1024))
                    .append(" | ").append(gc == null ? "-" : String.valueOf(gc.usedAtExitKiB() / 1024))
                    .append(" | ").append(gc == null ? "-" : String.valueOf(gc.heapCapacityKiB() / 1024))
                    .append(" | ").append(t.correct()).append('/').append(t.rounds())
                    .append(" | ").append(String.format("%.2f", t.maxLoadOne()))
                    .append(" |\n");
        }
    }

    private static String seconds(Double ms) {
        return ms == null ? "-" : String.format("%.2f", ms / 1000);
    }

    private static String times(Double ratio) {
        return ratio == null ? "-" : String.format("%.2fx", ratio);
    }
}
