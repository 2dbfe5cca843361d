package dev.lethe.bench;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.redis.RedisStoreProvider;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lethe as the daemon runs it: through the Java API in a JVM that stays up, the store opened once before the
 * first timed run (not timed) and kept open, the code warm from earlier rounds (round 1 is its first sweep in
 * this JVM). The same policy as the CLI contender. Next to the CLI's figure it splits Lethe's engine time into
 * the sweep itself and what a fresh {@code lethe run} process adds inside the run: loading and starting the
 * Redis client and connecting, and running the sweep's code before the JIT has compiled it.
 */
final class RedisInProcess implements RedisContender, AutoCloseable {

    private final int batchSize;
    private final int scanCount;
    private Engine engine;

    RedisInProcess(int batchSize, int scanCount) {
        this.batchSize = batchSize;
        this.scanCount = scanCount;
    }

    @Override
    public String name() {
        return "Lethe in a warm JVM, store open (batch " + batchSize + ", scanCount " + scanCount + ")";
    }

    @Override
    public String description() {
        return "Engine.run(policy) in the harness's JVM, the Redis store opened once before the first round";
    }

    @Override
    public Timing run(RedisCommands<String, String> redis, int port, Path workDir) {
        if (engine == null) {
            StoreRegistry stores = new StoreRegistry();
            stores.add(new RedisStoreProvider().open(new StoreSpec("cache", "redis", Map.of("uri",
                    "redis://127.0.0.1:" + port, "scanCount", String.valueOf(scanCount)))));
            engine = Engine.builder().stores(stores).build();
        }
        Policy policy = Policy.builder("sessions").store("cache").selection(KeySelection.matching(RedisDataset.PATTERN))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(batchSize)).build();
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        RunReport report = engine.run(policy, RunMode.EXECUTE);
        double wall = Stopwatch.millisSince(start);
        // The whole harness JVM: the run's threads and Lettuce's, plus the probe's PINGs (little).
        String note = String.format(java.util.Locale.ROOT, "client CPU %,.0f ms", (processCpuNanos() - cpu) / 1e6);
        if (report.status() != RunStatus.OK) {
            throw new IllegalStateException("in-process run: " + report);
        }
        return new Timing(wall, (double) report.durationMs(), report.deleted(), null, null, note);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
