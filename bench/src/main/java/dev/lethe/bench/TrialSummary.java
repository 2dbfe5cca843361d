package dev.lethe.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One trial's figures over its rounds: medians of the rounds that ran correctly, so one round disturbed by a
 * neighbour's compile does not decide a ratio.
 *
 * @param label        the trial's label
 * @param rows         rows in each copy
 * @param rounds       rounds attempted
 * @param correct      rounds that ran and left exactly the expected rows
 * @param wallMs       median wall time of the correct rounds, or null
 * @param engineMs     median engine-reported time, or null when the contender reports none
 * @param maxRssKiB    median peak resident memory, or null
 * @param gc           the gc summary of the last correct round, or null
 * @param maxLoadOne   highest 1-minute load seen around any of its rounds
 * @param deleted      rows removed in the last correct round
 * @param workload     the concurrent workload's figures, each the median over the correct rounds; null outside
 *                     the impact scenario
 * @param engineWorkload the same over the engine's own window, for a contender that reports one; else null
 */
record TrialSummary(String label, long rows, int rounds, int correct, Double wallMs, Double engineMs, Long maxRssKiB,
                    GcSummary gc, double maxLoadOne, Long deleted, WorkloadStats workload, WorkloadStats engineWorkload) {

    static TrialSummary of(Scenario.Trial trial, List<Measurement> all) {
        List<Measurement> mine = all.stream().filter(m -> m.contender().equals(trial.label())).toList();
        List<Measurement> good = mine.stream().filter(Measurement::ok).toList();
        double load = mine.stream().filter(m -> m.loadBefore() != null)
                .mapToDouble(m -> Math.max(m.loadBefore().one(), m.loadAfter().one())).max().orElse(Double.NaN);
        Measurement last = good.isEmpty() ? null : good.get(good.size() - 1);
        Double rss = median(good, m -> m.timing().maxRssKiB() == null ? null : m.timing().maxRssKiB().doubleValue());
        return new TrialSummary(trial.label(), trial.rows(), mine.size(), good.size(),
                median(good, m -> m.timing().wallMs()), median(good, m -> m.timing().engineMs()),
                rss == null ? null : Math.round(rss), last == null ? null : last.timing().gc(), load,
                last == null ? null : trial.rows() - last.remaining().rows(), workload(good, Timing::workload),
                workload(good, Timing::engineWorkload));
    }

    /** Per figure, the median over the rounds that measured a workload: each column its own median, as for times. */
    private static WorkloadStats workload(List<Measurement> good, Function<Timing, WorkloadStats> which) {
        List<WorkloadStats> all = good.stream().map(m -> which.apply(m.timing())).filter(Objects::nonNull).toList();
        if (all.isEmpty()) {
            return null;
        }
        return new WorkloadStats(median(all, WorkloadStats::windowMs), median(all, WorkloadStats::tps),
                median(all, WorkloadStats::p50Ms), median(all, WorkloadStats::p99Ms), median(all, WorkloadStats::maxMs),
                Math.round(median(all, w -> (double) w.transactions())), Math.round(median(all, w -> (double) w.failed())));
    }

    private static <T> Double median(List<T> ms, Function<T, Double> value) {
        List<Double> values = ms.stream().map(value).filter(Objects::nonNull).sorted(Comparator.naturalOrder()).toList();
        if (values.isEmpty()) {
            return null;
        }
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    boolean ran() {
        return correct > 0;
    }
}
