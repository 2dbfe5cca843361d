package dev.lethe.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario once run: its database's settings, every measurement, the per-trial summaries and the verdicts.
 *
 * @param name         the scenario
 * @param anchor       the trial ratios are taken against
 * @param settings     server version and settings, or the error that stopped reading them
 * @param expected     what a correct sweep deletes and leaves, per copy size
 * @param measurements every round of every trial
 * @param summaries    per trial, in trial order
 * @param verdicts     the targets, judged
 */
record ScenarioResult(String name, String anchor, Map<String, String> settings, List<Dataset.Expected> expected,
                      List<Measurement> measurements, List<TrialSummary> summaries, List<Target.Verdict> verdicts) {

    static ScenarioResult of(Scenario scenario, Map<String, String> settings, List<Measurement> measurements) {
        Map<String, TrialSummary> byLabel = new LinkedHashMap<>();
        for (Scenario.Trial trial : scenario.trials()) {
            byLabel.put(trial.label(), TrialSummary.of(trial, measurements));
        }
        List<Target.Verdict> verdicts = scenario.targets().stream().map(t -> t.judge(byLabel)).toList();
        List<Dataset.Expected> expected = scenario.trials().stream().map(Scenario.Trial::rows).distinct()
                .map(Dataset::expected).toList();
        return new ScenarioResult(scenario.name(), scenario.anchor(), settings, expected, measurements,
                List.copyOf(byLabel.values()), verdicts);
    }

    /** Whether the scenario compares times (the memory scenario compares memory, impact a workload's figures). */
    boolean timed() {
        return !name.equals(Scenarios.MEMORY) && !impact();
    }

    /** Whether the scenario measures a concurrent workload, its ratios taken against the workload alone. */
    boolean impact() {
        return name.equals(Scenarios.IMPACT);
    }

    /** The anchor's workload figures, or null when it did not run correctly or measured none. */
    WorkloadStats anchorWorkload() {
        return summaries.stream().filter(s -> s.label().equals(anchor)).findFirst()
                .map(TrialSummary::workload).orElse(null);
    }

    /** {@code value} / the anchor's wall time, or null when either is missing. */
    Double ratio(Double value) {
        Double anchorWall = summaries.stream().filter(s -> s.label().equals(anchor)).findFirst()
                .map(TrialSummary::wallMs).orElse(null);
        return value == null || anchorWall == null || anchorWall == 0 ? null : value / anchorWall;
    }
}
