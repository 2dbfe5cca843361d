package dev.lethe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness behind bench/run.sh: times Lethe next to its anchors, each on its own fresh copy of
 * the same dataset, in one run; prints the ratios and writes bench/results/bench-&lt;time&gt;.json and .md.
 * Exits 1 when a contender failed or left the wrong rows, 2 on a bad command line; a missed target is a
 * finding, reported, not an error.
 */
public final class BenchMain {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BenchMain() {
    }

    public static void main(String[] args) throws IOException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (!RunLock.acquire()) {
            System.err.println("another benchmark is running on this machine (it holds " + RunLock.FILE
                    + "); it rebuilds the same tables, so wait for it to finish");
            System.exit(1);
            return;
        }
        if (options.setupOnly()) {
            setUp(options);
            return;
        }
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> machine = new LinkedHashMap<>(Machine.describe());
        LetheJar jar = LetheJar.snapshot(options.letheJar(), options.workDir());
        machine.put("lethe.jar sha256", jar.sha256());
        machine.put("lethe.jar built", jar.built());
        options = options.withLetheJar(jar.path());
        System.out.printf("Lethe benchmark: %,d rows, %d round(s), %s%n  %s%n", options.rows(), options.repeat(),
                options.only(), machine);
        ScenarioRunner runner = new ScenarioRunner(System.out);
        List<ScenarioResult> results = new ArrayList<>();
        BenchRun run = null;
        for (Scenario scenario : Scenarios.selected(options)) {
            System.out.println("\n== " + scenario.name());
            Map<String, String> settings = settings(scenario.db());
            List<Measurement> measurements = runner.run(scenario, options.repeat());
            ScenarioResult result = ScenarioResult.of(scenario, settings, measurements);
            printRatios(result);
            results.add(result);
            // Written after every scenario, so a run cut short still leaves what it measured.
            run = new BenchRun(options.command(), started.toString(),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), options.rows(), options.repeat(), machine,
                    List.copyOf(results));
            write(run, options.resultsDir(), FILE_TIME.format(started));
        }
        if (run != null) {
            System.out.println("\nResults: " + options.resultsDir().resolve("bench-" + FILE_TIME.format(started) + ".{json,md}"));
        }
        System.exit(run == null || run.allCorrect() ? 0 : 1);
    }

    private static void setUp(BenchOptions options) {
        for (Scenario scenario : Scenarios.selected(options)) {
            try {
                long start = System.nanoTime();
                scenario.db().rebuild(options.rows());
                System.out.printf("%s: a fresh copy of %,d rows is ready (%.1f s)%n", scenario.db().name(),
                        options.rows(), Stopwatch.millisSince(start) / 1000);
            } catch (Exception e) {
                System.out.println(scenario.db().name() + ": " + e.getMessage());
            }
        }
    }

    private static Map<String, String> settings(BenchDatabase db) {
        try {
            return db.settings();
        } catch (Exception | LinkageError e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    private static void printRatios(ScenarioResult r) {
        boolean ratios = r.timed() || r.impact();
        System.out.println("  -- " + r.name() + ": medians" + (ratios ? ", ratios against " + r.anchor() : ""));
        if (r.impact()) {
            printImpact(r);
            return;
        }
        for (TrialSummary t : r.summaries()) {
            if (!t.ran()) {
                System.out.printf("     %-42s did not run correctly%n", t.label());
                continue;
            }
            if (!r.timed()) {
                GcSummary gc = t.gc();
                System.out.printf("     %-42s max RSS %s KiB, live heap after GC %s KiB, heap at exit %s KiB, %s GCs,"
                        + " wall %.3f s%n", t.label(), t.maxRssKiB(), gc == null ? "-" : gc.peakAfterGcKiB(),
                        gc == null ? "-" : gc.usedAtExitKiB(), gc == null ? "-" : gc.collections(), t.wallMs() / 1000);
                continue;
            }
            Double wall = r.ratio(t.wallMs());
            Double engine = r.ratio(t.engineMs());
            System.out.printf("     %-42s wall %8.3f s (%s)%s%n", t.label(), t.wallMs() / 1000, times(wall),
                    t.engineMs() == null ? "" : String.format("   engine %8.3f s (%s)", t.engineMs() / 1000, times(engine)));
        }
        for (Target.Verdict v : r.verdicts()) {
            System.out.println("     target " + v.target() + ": " + v.detail());
        }
    }

    /** The workload's figures per trial next to the workload alone, and each sweep's own time. */
    private static void printImpact(ScenarioResult r) {
        WorkloadStats base = r.anchorWorkload();
        for (TrialSummary t : r.summaries()) {
            if (!t.ran() || t.workload() == null) {
                System.out.printf("     %-42s did not run correctly%n", t.label());
                continue;
            }
            printWorkload(t.label(), t.workload(), base);
            if (t.engineWorkload() != null) {
                printWorkload("  ... its engine only", t.engineWorkload(), base);
            }
        }
    }

    private static void printWorkload(String label, WorkloadStats w, WorkloadStats base) {
        System.out.printf("     %-42s %6.0f TPS (%s)  p99 %7.2f ms (%s)  p50 %.2f ms  max %.1f ms  lost %s  over %.3f s%n",
                label, w.tps(), times(w.tpsVs(base)), w.p99Ms(), times(w.p99Vs(base)), w.p50Ms(), w.maxMs(),
                w.lostVs(base) == null ? "-" : String.format("%.0f", w.lostVs(base)), w.windowMs() / 1000);
    }

    private static String times(Double ratio) {
        return ratio == null ? "no anchor" : String.format("%5.2fx", ratio);
    }

    private static void write(BenchRun run, Path dir, String stamp) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("bench-" + stamp + ".json");
        Path md = dir.resolve("bench-" + stamp + ".md");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), run);
        Files.writeString(md, MarkdownReport.render(run));
    }
}
