package dev.lethe.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Redis scenario ({@code bench/run.sh --only redis}): on a redis-server of its own, with 1,000,000 keys
 * (half {@code mosaic:session:*} over 50,000 sessions, half {@code mosaic:channel:*}), times server-side Lua
 * {@code KEYS}+{@code UNLINK} (Redis's own limit, blocking), {@code redis-cli --scan | xargs redis-cli unlink}
 * and Lethe — as a user runs it ({@code lethe run}, a fresh JVM) and as the daemon runs it ({@link RedisInProcess}:
 * the Java API in this JVM, the store opened once) — each on a fresh copy, while a second client PINGs and the slow
 * log records the longest command. Then Lethe under a 64 MiB heap on 100,000 and on 1,000,000 keys: its memory
 * must not follow the keys. {@code --baseline-jar} adds an earlier build of lethe.jar for a before/after. With
 * {@code --repeat K} the contenders run K interleaved rounds and the table shows medians (and the worst
 * blocking seen in any round). Prints a Markdown report and writes it to bench/results/redis-&lt;time&gt;.md.
 *
 * <p>It takes the machine's benchmark lock ({@link RunLock}), waiting for a run in progress to finish, and runs a
 * private copy of lethe.jar, so a rebuild in the checkout during the run cannot mix builds.
 */
public final class RedisBench {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RedisBench() {
    }

    public static void main(String[] args) throws Exception {
        RedisOptions options;
        try {
            options = RedisOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        waitForLock();
        Files.createDirectories(options.work());
        Path jar = snapshot(options.jar(), options.work());
        Map<String, String> machine = new LinkedHashMap<>(Machine.describe());
        machine.put("lethe.jar built", Files.getLastModifiedTime(options.jar()).toInstant().toString());
        List<RedisContender> contenders = new ArrayList<>(List.of(new RedisContender.LuaKeysUnlink(),
                new RedisContender.ScanXargs(),
                new RedisContender.Lethe("Lethe", jar, List.of(), 1000, 1000, options.jfr()),
                new RedisContender.Lethe("Lethe", jar, List.of(), 5000, 2000, options.jfr())));
        if (options.baseline() != null) {
            Path copy = options.work().resolve("lethe-redis-baseline.jar");
            Files.copy(options.baseline(), copy, StandardCopyOption.REPLACE_EXISTING);
            contenders.add(new RedisContender.Lethe("Lethe baseline " + options.baseline().getFileName(), copy, List.of(),
                    1000, 1000, options.jfr()));
        }
        List<RedisInProcess> warm = List.of(new RedisInProcess(1000, 1000), new RedisInProcess(5000, 2000));
        contenders.addAll(warm);
        contenders.removeIf(c -> !(c instanceof RedisContender.LuaKeysUnlink) && !options.wants(c.name()));
        RedisContender lean = new RedisContender.Lethe("Lethe", jar, List.of("-Xmx64m"), 1000, 1000, options.jfr());
        boolean memory = options.wants(lean.name()) || options.wants("memory");
        List<RedisReport.Trial> trials = new ArrayList<>();
        String version;
        try (RedisServerProcess server = RedisServerProcess.start(options.work())) {
            RedisClient client = RedisClient.create(server.uri());
            RedisCommands<String, String> redis = client.connect().sync();
            version = redis.info("server").lines().filter(l -> l.startsWith("redis_version:")).findFirst()
                    .orElse("?").replace("redis_version:", "");
            System.out.printf("Redis scenario: %,d keys, %d round(s), Redis %s, port %d%n  %s%n", options.keys(),
                    options.repeat(), version, server.port(), machine);
            for (int round = 1; round <= options.repeat(); round++) {
                System.out.printf("round %d of %d%n", round, options.repeat());
                for (RedisContender contender : contenders) {
                    trials.add(trial(redis, server, contender, options.keys(), options.work(), round));
                }
                if (memory) {
                    trials.add(trial(redis, server, lean, options.small(), options.work(), round));
                    trials.add(trial(redis, server, lean, options.keys(), options.work(), round));
                }
            }
            warm.forEach(RedisInProcess::close);
            client.shutdown();
        }
        String report = new RedisReport(version, machine, options, trials).markdown();
        System.out.println();
        System.out.println(report);
        Files.createDirectories(options.results());
        Path file = options.results().resolve("redis-" + FILE_TIME.format(Instant.now()) + ".md");
        Files.writeString(file, report);
        System.out.println("Results: " + file);
        boolean allCorrect = trials.stream().allMatch(t -> t.check().equals("ok"));
        System.exit(allCorrect ? 0 : 1);
    }

    /** Takes the machine's benchmark lock, waiting while another run (SQL or Redis) holds it. */
    private static void waitForLock() throws IOException, InterruptedException {
        long since = System.nanoTime();
        boolean told = false;
        while (!RunLock.acquire()) {
            if (!told) {
                System.out.println("another benchmark holds " + RunLock.FILE + "; waiting for it to finish");
                told = true;
            }
            Thread.sleep(2000);
        }
        if (told) {
            System.out.printf("lock taken after %.0f s%n", Stopwatch.millisSince(since) / 1000);
        }
    }

    /** A private copy of lethe.jar, named apart from the SQL harness's copy in the same work directory. */
    private static Path snapshot(Path jar, Path work) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (bench/run.sh without --no-build)");
        }
        Path copy = work.resolve("lethe-redis-bench.jar");
        Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    private static RedisReport.Trial trial(RedisCommands<String, String> redis, RedisServerProcess server,
                                           RedisContender contender, long keys, Path work, int round) throws Exception {
        long load = System.nanoTime();
        RedisDataset.rebuild(redis, keys);
        String loadBefore = Load.now().toString();
        System.out.printf("  %-48s %,d keys loaded in %.1f s; running (load %s)...%n", contender.name(), keys,
                Stopwatch.millisSince(load) / 1000, loadBefore);
        Timing timing;
        RedisProbe.Seen seen;
        long cpu;
        try (RedisProbe probe = RedisProbe.start(server.uri(), redis)) {
            cpu = server.cpuMillis();
            timing = contender.run(redis, server.port(), work);
            cpu = server.cpuMillis() - cpu;
            seen = probe.stop(redis);
        }
        String check = RedisDataset.check(redis, keys);
        System.out.printf("  %-48s %,.0f ms%s, worst PING %.1f ms, longest command %,d us (%s), %d of %d logged above"
                        + " 5 ms, server %s, server CPU %,d ms, %s%s%n", contender.name(), timing.wallMs(),
                timing.engineMs() == null ? "" : String.format(" (engine %,.0f ms)", timing.engineMs()),
                seen.worstPingMs(), seen.longestUs(), seen.longestWhat(), seen.over5ms(), seen.logged(),
                seen.server().describe(), cpu, check, timing.note() == null ? "" : ", " + timing.note());
        return new RedisReport.Trial(round, contender.name(), keys, timing, seen, check, loadBefore, cpu);
    }
}
