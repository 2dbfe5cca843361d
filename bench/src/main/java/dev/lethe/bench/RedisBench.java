package dev.lethe.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Redis scenario ({@code bench/run.sh --only redis}): on a redis-server of its own, with 1,000,000 keys
 * (half {@code mosaic:session:*} over 50,000 sessions, half {@code mosaic:channel:*}), times server-side Lua
 * {@code KEYS}+{@code UNLINK} (Redis's own limit, blocking), {@code redis-cli --scan | xargs redis-cli unlink}
 * and Lethe, each on a fresh copy, while a second client PINGs and the slow log records the longest command.
 * Then Lethe under a 64 MiB heap on 100,000 and on 1,000,000 keys: its memory must not follow the keys.
 * Prints a Markdown table and writes it to bench/results/redis-&lt;time&gt;.md.
 */
public final class RedisBench {

    static final double TARGET_FACTOR = 1.5;
    static final long TARGET_LONGEST_US = 5_000;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RedisBench() {
    }

    /** Row of the results table. */
    private record Row(String contender, long keys, Timing timing, RedisProbe.Seen seen, String check) {
    }

    public static void main(String[] args) throws Exception {
        long keys = 1_000_000;
        long small = 100_000;
        Path jar = Path.of("lethe-cli/target/lethe.jar");
        Path work = Path.of("bench/.work");
        Path results = Path.of("bench/results");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--keys" -> keys = Long.parseLong(args[i + 1].replace("_", ""));
                case "--small" -> small = Long.parseLong(args[i + 1].replace("_", ""));
                case "--lethe-jar" -> jar = Path.of(args[i + 1]);
                case "--work" -> work = Path.of(args[i + 1]);
                case "--results" -> results = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(work);
        List<Row> rows = new ArrayList<>();
        String version;
        try (RedisServerProcess server = RedisServerProcess.start(work)) {
            RedisClient client = RedisClient.create(server.uri());
            RedisCommands<String, String> redis = client.connect().sync();
            version = redis.info("server").lines().filter(l -> l.startsWith("redis_version:")).findFirst().orElse("?");
            System.out.printf("Redis scenario: %,d keys, %s, port %d%n", keys, version, server.port());
            List<RedisContender> contenders = List.of(new RedisContender.LuaKeysUnlink(), new RedisContender.ScanXargs(),
                    new RedisContender.Lethe(jar, List.of(), 1000, 1000), new RedisContender.Lethe(jar, List.of(), 5000, 2000));
            for (RedisContender contender : contenders) {
                rows.add(trial(redis, server, contender, keys, work));
            }
            RedisContender lean = new RedisContender.Lethe(jar, List.of("-Xmx64m"), 1000, 1000);
            rows.add(trial(redis, server, lean, small, work));
            rows.add(trial(redis, server, lean, keys, work));
            client.shutdown();
        }
        String table = table(rows, version);
        System.out.println();
        System.out.println(table);
        Files.createDirectories(results);
        Path file = results.resolve("redis-" + FILE_TIME.format(Instant.now()) + ".md");
        Files.writeString(file, table);
        System.out.println("Results: " + file);
    }

    private static Row trial(RedisCommands<String, String> redis, RedisServerProcess server, RedisContender contender,
                             long keys, Path work) throws Exception {
        long load = System.nanoTime();
        RedisDataset.rebuild(redis, keys);
        System.out.printf("  %-34s %,d keys loaded in %.1f s; running...%n", contender.name(), keys,
                Stopwatch.millisSince(load) / 1000);
        Timing timing;
        RedisProbe.Seen seen;
        try (RedisProbe probe = RedisProbe.start(server.uri(), redis)) {
            timing = contender.run(redis, server.port(), work);
            seen = probe.stop(redis);
        }
        String check = RedisDataset.check(redis, keys);
        System.out.printf("  %-34s %,.0f ms, worst PING %.1f ms, longest command %,d us (%s), %d of %d logged above 5 ms, %s%n",
                contender.name(), timing.wallMs(), seen.worstPingMs(), seen.longestUs(), seen.longestWhat(), seen.over5ms(),
                seen.logged(), check);
        return new Row(contender.name(), keys, timing, seen, check);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static String table(List<Row> rows, String version) {
        double lua = rows.get(0).timing().wallMs();
        StringBuilder md = new StringBuilder("Redis " + version.replace("redis_version:", "") + ", "
                + Machine.describe() + "\n\n");
        md.append("| contender | keys | wall | engine | × Lua (wall / engine) | worst PING | longest command | commands > 5 ms | max RSS | live heap after GC | result |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row row : rows) {
            Timing t = row.timing();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %,.0f ms | %s | %.2f / %s | %.1f ms | %,d µs %s | %d of %d | %s | %s | %s |%n",
                    row.contender().replace("|", "\\|"), row.keys(), t.wallMs(), t.engineMs() == null ? "—" : String.format(Locale.ROOT, "%,.0f ms", t.engineMs()),
                    t.wallMs() / lua, t.engineMs() == null ? "—" : String.format(Locale.ROOT, "%.2f", t.engineMs() / lua),
                    row.seen().worstPingMs(), row.seen().longestUs(), row.seen().longestWhat(), row.seen().over5ms(),
                    row.seen().logged(),
                    t.maxRssKiB() == null ? "—" : String.format(Locale.ROOT, "%,d KiB", t.maxRssKiB()),
                    t.gc() == null ? "—" : String.format(Locale.ROOT, "%,d KiB", t.gc().peakAfterGcKiB()), row.check()));
        }
        Row lethe = rows.get(2);
        md.append(String.format(Locale.ROOT, "%nLoad average during the run: %s.%n", loadAverage()));
        md.append(String.format(Locale.ROOT, "%nTargets: Lethe ≤ %.1f× the Lua limit: engine %.2f×, whole process %.2f×;"
                        + " no command of Lethe's above %,d µs: longest %,d µs (%s).%n", TARGET_FACTOR,
                lethe.timing().engineMs() / lua, lethe.timing().wallMs() / lua, TARGET_LONGEST_US, lethe.seen().longestUs(),
                lethe.seen().longestWhat()));
        return md.toString();
    }
}
