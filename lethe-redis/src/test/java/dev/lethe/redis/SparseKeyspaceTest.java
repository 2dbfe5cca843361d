package dev.lethe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.StoreSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A few matching keys among many others: a batch gives control back to the engine after a bounded number of
 * {@code SCAN} steps even when it found nothing, so timeouts and stop requests are honoured on any keyspace.
 */
@ExtendWith(RedisServers.Private.class)
class SparseKeyspaceTest {

    @Test
    void aBatchReturnsAfterBoundedStepsAndTheRunStillFindsEveryKey(RedisDeployment redis) {
        String prefix = "lethe-sparse:" + UUID.randomUUID() + ":";
        for (int chunk = 0; chunk < 6; chunk++) {
            Map<String, String> noise = new HashMap<>();
            for (int i = 0; i < 1000; i++) {
                noise.put(prefix + "noise:" + chunk + ":" + i, "n");
            }
            redis.keys().mset(noise);
        }
        IntStream.range(0, 7).forEach(i -> redis.keys().set(prefix + "wanted:" + i, "w"));
        Map<String, String> settings = new HashMap<>(redis.settings());
        settings.put("scanCount", "10");
        AtomicInteger batches = new AtomicInteger();
        RunListener counting = new RunListener() {
            @Override
            public void progressed(String policy, long processed, long failed, long matched) {
                batches.incrementAndGet();
            }
        };
        Policy policy = Policy.builder("sparse").store("cache").selection(KeySelection.matching(prefix + "wanted:*"))
                .limits(Limits.defaults().withBatchSize(1000)).build();

        RunReport report;
        try (Engine engine = Engine.builder().stores(new StoreRegistry().add(new StoreSpec("cache", "redis", settings)))
                .listener(counting).build()) {
            report = engine.run(policy, RunMode.EXECUTE);
        } finally {
            redis.deleteAll(prefix + "noise:");
        }

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(7);
        // Some 500 steps of about 10 keys, at most 100 steps per batch: several batches, most of them empty.
        assertThat(batches.get()).isGreaterThanOrEqualTo(3);
        assertThat(redis.scan(prefix + "wanted:*")).isEmpty();
    }
}
