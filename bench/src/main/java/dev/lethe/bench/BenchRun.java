package dev.lethe.bench;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one invocation of bench/run.sh measured, as written to bench/results/.
 *
 * @param command    the command line
 * @param startedAt  when it started (UTC)
 * @param finishedAt when it ended (UTC)
 * @param rows       rows per copy
 * @param rounds     rounds per scenario
 * @param machine    what it ran on
 * @param scenarios  each scenario's results
 */
record BenchRun(String command, String startedAt, String finishedAt, long rows, int rounds, Map<String, String> machine,
                List<ScenarioResult> scenarios) {

    /** Lowest and highest 1-minute load seen around any timing, e.g. {@code 0.41-2.10}. */
    String loadRange() {
        List<Double> loads = scenarios.stream().flatMap(s -> s.measurements().stream())
                .flatMap(m -> java.util.stream.Stream.of(m.loadBefore(), m.loadAfter()))
                .filter(Objects::nonNull).map(Load::one).filter(d -> !d.isNaN()).toList();
        if (loads.isEmpty()) {
            return "-";
        }
        return String.format("%.2f-%.2f", loads.stream().mapToDouble(d -> d).min().orElseThrow(),
                loads.stream().mapToDouble(d -> d).max().orElseThrow());
    }

    /** Whether every measurement that was not skipped ran and left the right rows. */
    boolean allCorrect() {
        return scenarios.stream().flatMap(s -> s.measurements().stream())
                .allMatch(m -> m.ok() || m.status().equals("skipped"));
    }
}
