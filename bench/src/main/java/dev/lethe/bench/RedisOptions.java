package dev.lethe.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis scenario's command line (bench/run.sh passes it on).
 *
 * @param keys        keys of the main dataset (half of them match)
 * @param small       keys of the small copy of the memory check
 * @param jar         the checkout's lethe.jar (the scenario runs a private copy of it)
 * @param work        work directory: configs, logs, the redis-server's files
 * @param results     where the result file goes
 * @param repeat      rounds; every contender runs once per round, interleaved, and the tables show medians
 * @param contenders  parts of contender names to run (all when empty); the Lua anchor always runs, for ratios
 * @param jfr         a directory for a flight recording of every Lethe run, or null
 * @param baseline    another lethe.jar (an earlier build) to run next to this one with the default settings, or null
 */
record RedisOptions(long keys, long small, Path jar, Path work, Path results, int repeat, List<String> contenders,
                    Path jfr, Path baseline) {

    static RedisOptions parse(String[] args) {
        long keys = 1_000_000;
        long small = 100_000;
        Path jar = Path.of("lethe-cli/target/lethe.jar");
        Path work = Path.of("bench/.work");
        Path results = Path.of("bench/results");
        int repeat = 1;
        List<String> contenders = new ArrayList<>();
        Path jfr = null;
        Path baseline = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--keys" -> keys = Long.parseLong(value.replace("_", ""));
                case "--small" -> small = Long.parseLong(value.replace("_", ""));
                case "--lethe-jar" -> jar = Path.of(value);
                case "--work" -> work = Path.of(value);
                case "--results" -> results = Path.of(value);
                case "--repeat" -> repeat = Integer.parseInt(value);
                case "--contender" -> contenders.add(value);
                case "--jfr" -> jfr = Path.of(value);
                case "--baseline-jar" -> baseline = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1");
        }
        return new RedisOptions(keys, small, jar, work, results, repeat, List.copyOf(contenders), jfr, baseline);
    }

    /** Whether the contender named {@code name} runs. */
    boolean wants(String name) {
        return contenders.isEmpty() || contenders.stream().anyMatch(part -> name.toLowerCase(java.util.Locale.ROOT)
                .contains(part.toLowerCase(java.util.Locale.ROOT)));
    }
}
