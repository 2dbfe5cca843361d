package dev.lethe.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a scenario: for each round, each trial gets a freshly built copy, is timed, and the table it leaves is
 * checked against the rows a correct sweep must leave. Rounds interleave the trials, so a slow patch of the
 * machine is shared out rather than landing on one contender.
 */
final class ScenarioRunner {

    private final PrintStream out;

    ScenarioRunner(PrintStream out) {
        this.out = out;
    }

    List<Measurement> run(Scenario scenario, int rounds) {
        List<Measurement> measurements = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Scenario.Trial trial : scenario.trials()) {
                Measurement m = runOne(scenario, trial, round);
                measurements.add(m);
                out.println(line(m));
            }
        }
        return measurements;
    }

    private Measurement runOne(Scenario scenario, Scenario.Trial trial, int round) {
        BenchDatabase db = scenario.db();
        String description = trial.contender().description(db);
        Optional<String> unavailable = trial.contender().unavailable();
        if (unavailable.isPresent()) {
            return new Measurement(scenario.name(), trial.label(), description, trial.rows(), round, "skipped",
                    null, null, 0, null, null, unavailable.get());
        }
        long setupStart = System.nanoTime();
        Load before = null;
        try {
            db.rebuild(trial.rows());
            double setupMs = Stopwatch.millisSince(setupStart);
            before = Load.now();
            Timing timing = trial.contender().run(db);
            Load after = Load.now();
            BenchDatabase.Remaining left = db.remaining();
            Dataset.Expected expected = Dataset.expected(trial.rows());
            String problem = trial.contender().sweeps() ? problem(timing, left, expected) : null;
            return new Measurement(scenario.name(), trial.label(), description, trial.rows(), round,
                    problem == null ? "ok" : "wrong result", timing, left, setupMs, before, after, problem);
        } catch (Exception e) {
            return new Measurement(scenario.name(), trial.label(), description, trial.rows(), round, "failed",
                    null, null, Stopwatch.millisSince(setupStart), before, Load.now(), String.valueOf(e.getMessage()));
        }
    }

    private static String problem(Timing timing, BenchDatabase.Remaining left, Dataset.Expected expected) {
        if (!left.matches(expected)) {
            return String.format("left %d rows (id sum %d, %d still eligible); a correct sweep leaves %d (id sum %d)",
                    left.rows(), left.idSum(), left.stillEligible(), expected.remaining(), expected.remainingIdSum());
        }
        if (timing.deleted() != null && timing.deleted() != expected.eligible()) {
            return "reported " + timing.deleted() + " deleted, but " + expected.eligible() + " rows went";
        }
        return null;
    }

    private static String line(Measurement m) {
        String head = String.format("  %-8s %-34s round %d: ", m.scenario(), m.contender(), m.round());
        if (m.timing() == null) {
            return head + m.status().toUpperCase() + " - " + m.detail();
        }
        Timing t = m.timing();
        String engine = t.engineMs() == null ? "" : String.format(", engine %.3f s", t.engineMs() / 1000);
        String rss = t.maxRssKiB() == null ? "" : String.format(", max RSS %d MiB", t.maxRssKiB() / 1024);
        String workload = t.workload() == null ? "" : ", pgbench " + t.workload();
        return head + String.format("%.3f s%s%s%s, %d left, load %s -> %s, setup %.1f s", t.wallMs() / 1000, engine, rss,
                workload, m.remaining().rows(), m.loadBefore(), m.loadAfter(), m.setupMs() / 1000)
                + (m.ok() ? "" : "  " + m.status().toUpperCase() + ": " + m.detail());
    }
}
