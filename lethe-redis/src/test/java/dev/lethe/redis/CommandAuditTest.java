package dev.lethe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What Lethe sends to Redis, read from the servers' own command statistics — on servers of the test run's
 * own, so no other client blurs the counts.
 */
class CommandAuditTest {

    abstract static class Audit {

        @Test
        void aSweepWalksWithScanOnEveryMasterAndNeverSendsKeys(RedisDeployment redis) {
            String prefix = "lethe-audit:" + UUID.randomUUID() + ":";
            IntStream.range(0, 3000).forEach(i -> redis.keys().set(prefix + "k" + i, "v"));
            long keysBefore = redis.calls("keys");
            long scansBefore = redis.calls("scan");
            long timeBefore = redis.calls("time");
            long unlinksBefore = redis.calls("unlink");
            Policy policy = Policy.builder("audit").store("cache").selection(KeySelection.matching(prefix + "*"))
                    .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(500)).build();

            RunReport report;
            try (Engine engine = Engine.builder().stores(new StoreRegistry().add(redis.spec("cache"))).build()) {
                engine.run(policy, RunMode.DRY_RUN);
                report = engine.run(policy, RunMode.EXECUTE);
            }

            assertThat(report.deleted()).isEqualTo(3000);
            assertThat(redis.scan(prefix + "*")).isEmpty();
            assertThat(redis.calls("keys")).as("KEYS calls").isEqualTo(keysBefore);
            assertThat(redis.calls("scan") - scansBefore).as("SCAN calls").isGreaterThanOrEqualTo(2 * masters(redis));
            assertThat(redis.calls("time") - timeBefore).as("TIME calls: one per run").isEqualTo(2);
            assertThat(redis.calls("unlink") - unlinksBefore).as("UNLINK calls").isPositive();
        }

        private static long masters(RedisDeployment redis) {
            return redis.settings().containsKey("cluster") ? 3 : 1;
        }
    }

    @Nested
    @ExtendWith(RedisServers.Private.class)
    class Standalone extends Audit {
    }

    @Nested
    @ExtendWith(RedisServers.Cluster.class)
    class Cluster extends Audit {
    }
}
