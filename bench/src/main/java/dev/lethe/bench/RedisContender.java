package dev.lethe.bench;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One way of removing the session keys from the Redis dataset, timed on its own fresh copy. */
interface RedisContender {

    String name();

    /** What exactly runs, for the report. */
    String description();

    /** Removes {@code mosaic:session:*} from the server at {@code port}. */
    Timing run(RedisCommands<String, String> redis, int port, Path workDir) throws Exception;

    /** Redis's own limit: {@code KEYS} and {@code UNLINK} in one server-side script, blocking the server throughout. */
    record LuaKeysUnlink() implements RedisContender {
        private static final String SCRIPT = """
                local keys = redis.call('KEYS', ARGV[1])
                local n = 0
                for i = 1, #keys, 5000 do n = n + redis.call('UNLINK', unpack(keys, i, math.min(i + 4999, #keys))) end
                return n""";

        @Override
        public String name() {
            return "Lua KEYS+UNLINK";
        }

        @Override
        public String description() {
            return "EVAL \"KEYS mosaic:session:* then UNLINK in groups of 5000\" (one blocking script)";
        }

        @Override
        public Timing run(RedisCommands<String, String> redis, int port, Path workDir) {
            long start = System.nanoTime();
            Long removed = redis.eval(SCRIPT, ScriptOutputType.INTEGER, new String[0], RedisDataset.PATTERN);
            return Timing.inProcess(Stopwatch.millisSince(start), removed);
        }
    }

    /** The usual shell one-liner: {@code redis-cli --scan} piped into {@code xargs redis-cli unlink}. */
    record ScanXargs() implements RedisContender {
        @Override
        public String name() {
            return "redis-cli --scan | xargs";
        }

        @Override
        public String description() {
            return "redis-cli --scan --pattern 'mosaic:session:*' | xargs -n 1000 redis-cli unlink";
        }

        @Override
        public Timing run(RedisCommands<String, String> redis, int port, Path workDir) throws Exception {
            String cli = "redis-cli -p " + port;
            ExternalCommand.Result result = ExternalCommand.run(List.of("bash", "-c", cli + " --scan --pattern '"
                    + RedisDataset.PATTERN + "' | xargs -n 1000 " + cli + " unlink > /dev/null"), workDir.resolve("logs"),
                    "redis-cli-" + System.currentTimeMillis());
            return new Timing(result.wallMs(), null, null, null, null, "exit " + result.exitCode());
        }
    }

    /** Lethe as a user runs it: {@code java -jar lethe.jar run --policy sessions --json}, a fresh process. */
    record Lethe(String label, Path jar, List<String> jvmOptions, int batchSize, int scanCount, Path jfrDir)
            implements RedisContender {
        @Override
        public String name() {
            return label + " (batch " + batchSize + ", scanCount " + scanCount
                    + (jvmOptions.isEmpty() ? "" : ", " + String.join(" ", jvmOptions)) + ")";
        }

        @Override
        public String description() {
            return "java -jar lethe.jar run --config lethe-redis.yaml --policy sessions --json (keys: mosaic:session:*)";
        }

        @Override
        public Timing run(RedisCommands<String, String> redis, int port, Path workDir) throws Exception {
            Path config = workDir.resolve("lethe-redis.yaml");
            Files.writeString(config, """
                    state: "jdbc:sqlite:%s"
                    stores:
                      cache: { type: redis, uri: "redis://127.0.0.1:%d", scanCount: %d }
                    policies:
                      sessions:
                        store: cache
                        keys: "%s"
                        limits: { batchSize: %d, maxFraction: 1.0 }
                    """.formatted(workDir.resolve("lethe-redis-state.db").toAbsolutePath(), port, scanCount, RedisDataset.PATTERN,
                    batchSize));
            String label = "lethe-redis-" + System.currentTimeMillis();
            Path gcLog = workDir.resolve("logs").resolve(label + "-gc.log");
            Files.createDirectories(gcLog.getParent());
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.add("-Xlog:" + GcSummary.LOG_TAGS + ":file=" + gcLog);
            if (jfrDir != null) {
                Files.createDirectories(jfrDir);
                command.add("-XX:StartFlightRecording=filename=" + jfrDir.resolve(label + ".jfr").toAbsolutePath()
                        + ",settings=profile");
            }
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "run", "--config", config.toString(),
                    "--policy", "sessions", "--json"));
            ExternalCommand.Result result = ExternalCommand.run(command, workDir.resolve("logs"), label);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("lethe exited " + result.exitCode() + ":\n" + result.stderrTail());
            }
            String json = result.stdout();
            double engineMs = Double.parseDouble(json.replaceAll("(?s).*\"durationMs\":(\\d+).*", "$1"));
            long deleted = Long.parseLong(json.replaceAll("(?s).*\"deleted\":(\\d+).*", "$1"));
            return new Timing(result.wallMs(), engineMs, deleted, result.maxRssKiB(), GcSummary.read(gcLog), null);
        }
    }
}
