package dev.lethe.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The harness's command line, normally passed through by bench/run.sh.
 *
 * @param rows      rows in each copy of the dataset
 * @param only      scenarios to run, in the order of {@link #SCENARIOS}; {@link #DEFAULT_SCENARIOS} when none is
 *                  named
 * @param contenders keep only trials whose label contains one of these (case-insensitive); all when empty
 * @param repeat    rounds per scenario; each figure is the median of the rounds
 * @param setupOnly only build one copy in each selected database and stop, to look at it by hand
 * @param letheJar  the shaded CLI jar the Lethe contenders run
 * @param workDir   scratch: SQLite files, generated lethe.yaml, process and gc logs
 * @param resultsDir where the JSON and Markdown results go
 * @param command   the command line as the user typed it, for the record
 */
record BenchOptions(long rows, List<String> only, List<String> contenders, int repeat, boolean setupOnly,
                    Path letheJar, Path workDir, Path resultsDir, String command) {

    static final List<String> SCENARIOS = List.of("postgres", "mariadb", "sqlite", "memory", "impact");
    /**
     * What runs without {@code --only}: every scenario but impact, which measures something else (a concurrent
     * workload, not a sweep's time) and takes minutes of fixed-length pgbench runs, so it is asked for by name.
     */
    static final List<String> DEFAULT_SCENARIOS = SCENARIOS.subList(0, 4);
    static final long MEMORY_SMALL_ROWS = 100_000;

    static final String USAGE = """
            usage: bench/run.sh [--rows N] [--only postgres|mariadb|sqlite|memory|impact]... [--repeat K] [--no-build]
              --rows N      rows per copy of the pending-uploads dataset (default 1000000)
              --only NAME   run only this scenario; repeat or comma-separate for several (default: all but
                            impact, the pgbench workload during sweeps, which runs only when named)
              --repeat K    rounds per scenario, figures are medians (default 1)
              --contender S only the contenders whose name contains S, e.g. lethe (for diagnosis: no ratios
                            without the anchor)
              --setup-only  build one copy in each selected database and stop (to run statements by hand)
              --no-build    (run.sh) use the jars already built
            Results go to bench/results/; see docs/benchmarks.md.""";

    static BenchOptions parse(String[] args) {
        long rows = 1_000_000;
        Set<String> only = new LinkedHashSet<>();
        List<String> contenders = new ArrayList<>();
        int repeat = 1;
        boolean setupOnly = false;
        Path jar = Path.of("lethe-cli/target/lethe.jar");
        Path work = Path.of("bench/.work");
        Path results = Path.of("bench/results");
        String command = "bench/run.sh";
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String flag = rest.remove(0);
            if (flag.equals("-h") || flag.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (flag.equals("--setup-only")) {
                setupOnly = true;
                continue;
            }
            if (rest.isEmpty()) {
                throw new IllegalArgumentException("missing value after " + flag + "\n" + USAGE);
            }
            String value = rest.remove(0);
            switch (flag) {
                case "--rows" -> rows = positive(flag, value);
                case "--only" -> only.addAll(scenarios(value));
                case "--contender" -> contenders.add(value.toLowerCase(java.util.Locale.ROOT));
                case "--repeat" -> repeat = (int) positive(flag, value);
                case "--lethe-jar" -> jar = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--command" -> command = value;
                default -> throw new IllegalArgumentException("unknown option " + flag + "\n" + USAGE);
            }
        }
        if (only.isEmpty()) {
            only.addAll(DEFAULT_SCENARIOS);
        }
        return new BenchOptions(rows, SCENARIOS.stream().filter(only::contains).toList(), List.copyOf(contenders), repeat, setupOnly, jar, work, results, command);
    }

    private static long positive(String flag, String value) {
        try {
            long n = Long.parseLong(value.replace("_", ""));
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(flag + " must be a positive whole number, was '" + value + "'");
    }

    private static List<String> scenarios(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(",")) {
            String n = name.trim();
            if (!SCENARIOS.contains(n)) {
                throw new IllegalArgumentException("--only takes one of " + SCENARIOS + ", was '" + n + "'");
            }
            names.add(n);
        }
        return names;
    }

    BenchOptions withLetheJar(Path jar) {
        return new BenchOptions(rows, only, contenders, repeat, setupOnly, jar, workDir, resultsDir, command);
    }

    /** Whether a trial with this label is to run. */
    boolean keeps(String label) {
        String l = label.toLowerCase(java.util.Locale.ROOT);
        return contenders.isEmpty() || contenders.stream().anyMatch(l::contains);
    }

    /** Rows in the smaller copy of the memory scenario: 100k, or a tenth of --rows when that is smaller. */
    long memorySmallRows() {
        return Math.max(1, Math.min(MEMORY_SMALL_ROWS, rows / 10));
    }
}
