package dev.lethe.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The Redis scenario's Markdown report: one row per contender and dataset size, times as medians over the rounds,
 * blocking as the worst any round saw (the target is about every command), then every round in full.
 */
final class RedisReport {

    static final double TARGET_FACTOR = 1.5;
    static final long TARGET_LONGEST_US = 5_000;

    /** One contender's timing on one fresh copy. */
    record Trial(int round, String contender, long keys, Timing timing, RedisProbe.Seen seen, String check,
                 String load, long serverCpuMs) {
    }

    private final String version;
    private final Map<String, String> machine;
    private final RedisOptions options;
    private final List<Trial> trials;

    RedisReport(String version, Map<String, String> machine, RedisOptions options, List<Trial> trials) {
        this.version = version;
        this.machine = machine;
        this.options = options;
        this.trials = trials;
    }

    String markdown() {
        Map<String, List<Trial>> rows = new LinkedHashMap<>();
        for (Trial trial : trials) {
            if (trial.check().equals("ok")) {
                rows.computeIfAbsent(trial.contender() + "@" + trial.keys(), k -> new ArrayList<>()).add(trial);
            }
        }
        double lua = rows.values().stream().filter(r -> r.get(0).contender().startsWith("Lua"))
                .map(r -> median(r, t -> t.timing().wallMs())).findFirst().orElse(Double.NaN);
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "Redis %s, %,d keys, %d round(s) (medians;"
                + " blocking: the worst round), %s%n%n", version, options.keys(), options.repeat(), machine));
        md.append("| contender | keys | wall | engine | × Lua (wall / engine) | server time (commands / process CPU)"
                + " | worst PING | longest command | commands > 5 ms | max RSS | live heap after GC |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        rows.values().forEach(row -> md.append(line(row, lua)));
        md.append(String.format(Locale.ROOT, "%nTargets (Lethe with the defaults, batch 1000, scanCount 1000):"
                + " engine ≤ %.1f× the Lua limit; no command of Lethe's above %,d µs; memory flat from %,d to %,d keys.%n",
                TARGET_FACTOR, TARGET_LONGEST_US, options.small(), options.keys()));
        md.append("\n### Every round\n\n| round | contender | keys | load before | wall | engine | worst PING | longest command"
                + " | > 5 ms | server commands (INFO commandstats) | server CPU | result |\n"
                + "|---:|---|---:|---|---:|---:|---:|---:|---:|---|---:|---|\n");
        for (Trial t : trials) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %,d | %s | %,.0f ms | %s | %.1f ms | %,d µs %s | %d of %d | %s | %,d ms | %s |%n",
                    t.round(), t.contender().replace("|", "\\|"), t.keys(), t.load(), t.timing().wallMs(),
                    t.timing().engineMs() == null ? "—" : String.format(Locale.ROOT, "%,.0f ms", t.timing().engineMs()),
                    t.seen().worstPingMs(), t.seen().longestUs(), t.seen().longestWhat(), t.seen().over5ms(),
                    t.seen().logged(), t.seen().server().describe(), t.serverCpuMs(), t.check()));
        }
        return md.toString();
    }

    private static String line(List<Trial> row, double lua) {
        Trial first = row.get(0);
        double wall = median(row, t -> t.timing().wallMs());
        boolean engine = first.timing().engineMs() != null;
        double engineMs = engine ? median(row, t -> t.timing().engineMs()) : Double.NaN;
        Trial worstPing = row.stream().max(Comparator.comparingDouble(t -> t.seen().worstPingMs())).orElseThrow();
        Trial longest = row.stream().max(Comparator.comparingLong(t -> t.seen().longestUs())).orElseThrow();
        long over = row.stream().mapToLong(t -> t.seen().over5ms()).sum();
        long logged = row.stream().mapToLong(t -> t.seen().logged()).sum();
        boolean rss = row.stream().allMatch(t -> t.timing().maxRssKiB() != null);
        boolean gc = row.stream().allMatch(t -> t.timing().gc() != null);
        return String.format(Locale.ROOT, "| %s | %,d | %,.0f ms | %s | %.2f / %s | %,.0f / %,.0f ms | %.1f ms | %,d µs %s | %d of %d | %s | %s |%n",
                first.contender().replace("|", "\\|"), first.keys(), wall,
                engine ? String.format(Locale.ROOT, "%,.0f ms", engineMs) : "—", wall / lua,
                engine ? String.format(Locale.ROOT, "%.2f", engineMs / lua) : "—",
                median(row, t -> t.seen().server().totalMs()), median(row, t -> t.serverCpuMs()), worstPing.seen().worstPingMs(), longest.seen().longestUs(),
                longest.seen().longestWhat(), over, logged,
                rss ? String.format(Locale.ROOT, "%,.0f KiB", median(row, t -> t.timing().maxRssKiB())) : "—",
                gc ? String.format(Locale.ROOT, "%,.0f KiB", median(row, t -> t.timing().gc().peakAfterGcKiB())) : "—");
    }

    private static double median(List<Trial> trials, ToDoubleFunction<Trial> value) {
        double[] sorted = trials.stream().mapToDouble(value).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
