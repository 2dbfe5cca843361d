package dev.lethe.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Orphans;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.testsupport.ManualClock;
import io.lettuce.core.RestoreArgs;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Key sweeps through the real engine against a real Redis deployment; run by {@link RedisStoreTest} against a
 * standalone server and a cluster. Every test works under its own key prefix and removes it afterwards.
 */
abstract class KeySweepTests {

    RedisDeployment redis;
    RedisClusterCommands<String, String> keys;
    String prefix;
    final List<Long> batchProgress = new ArrayList<>();
    RunListener listener = new RunListener() {
        @Override
        public void progressed(String policy, long processed, long failed, long matched) {
            batchProgress.add(processed);
        }
    };

    @BeforeEach
    void connect(RedisDeployment deployment) {
        redis = deployment;
        keys = deployment.keys();
        prefix = "lethe-test:" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void cleanUp() {
        redis.deleteAll(prefix);
    }

    RunReport run(KeySelection selection, Limits limits, RunMode mode) {
        Policy policy = Policy.builder("sweep").store("cache").selection(selection).limits(limits).build();
        try (Engine engine = Engine.builder().stores(new StoreRegistry().add(redis.spec("cache"))).listener(listener)
                .build()) {
            return engine.run(policy, mode);
        }
    }

    RunReport run(KeySelection selection) {
        return run(selection, Limits.defaults().withMaxFraction(1.0).withBatchSize(100), RunMode.EXECUTE);
    }

    /**
     * Like {@link #run(KeySelection)}, with {@code maxItems}: a guard that needs the count, so the run counts
     * before its first batch and there is a plan for a key to change after.
     */
    RunReport runCounted(KeySelection selection) {
        return run(selection, Limits.defaults().withMaxFraction(1.0).withMaxItems(1_000).withBatchSize(100), RunMode.EXECUTE);
    }

    void strings(String infix, int count) {
        IntStream.range(0, count).forEach(i -> keys.set(prefix + infix + i, "v" + i));
    }

    List<String> remaining(String infix) {
        return redis.scan(prefix + infix + "*");
    }

    @Test
    void removesEveryMatchingKeyInBatchesAndNothingElse() {
        strings("session:", 250);
        strings("channel:", 40);

        RunReport report = run(KeySelection.matching(prefix + "session:*"));

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.matched()).isEqualTo(250);
        assertThat(report.deleted()).isEqualTo(250);
        assertThat(remaining("session:")).isEmpty();
        assertThat(remaining("channel:")).hasSize(40);
        assertThat(batchProgress).isNotEmpty().last().isEqualTo(250L);
        for (int i = 1; i < batchProgress.size(); i++) {
            assertThat(batchProgress.get(i) - batchProgress.get(i - 1)).isBetween(0L, 100L);
        }
    }

    @Test
    void excludedKeysAreNeverTouched() {
        strings("s:a:", 30);
        strings("s:keep:", 20);

        RunReport report = run(KeySelection.matching(prefix + "s:*").excluding(List.of(prefix + "s:kee[p]:*")));

        assertThat(report.deleted()).isEqualTo(30);
        assertThat(remaining("s:")).hasSize(20).allMatch(k -> k.startsWith(prefix + "s:keep:"));
    }

    @Test
    void aTypeFilterRemovesOnlyKeysOfThatType() {
        strings("k:str:", 10);
        IntStream.range(0, 15).forEach(i -> keys.hset(prefix + "k:hash:" + i, "f", "v"));

        RunReport report = run(KeySelection.matching(prefix + "k:*").ofType("hash"));

        assertThat(report.deleted()).isEqualTo(15);
        assertThat(remaining("k:")).hasSize(10).allMatch(k -> k.contains(":str:"));
    }

    @Test
    void withoutTtlRemovesOnlyKeysThatWouldLiveForever() {
        strings("t:forever:", 12);
        IntStream.range(0, 8).forEach(i -> keys.setex(prefix + "t:expiring:" + i, 3600, "v"));

        RunReport report = run(KeySelection.matching(prefix + "t:*").withoutTtlOnly());

        assertThat(report.deleted()).isEqualTo(12);
        assertThat(remaining("t:")).hasSize(8).allMatch(k -> k.contains(":expiring:"));
    }

    @Test
    void idleLongerThanRemovesOnlyKeysUntouchedForThatLong() {
        strings("i:fresh:", 10);
        IntStream.range(0, 10).forEach(i -> idle(prefix + "i:stale:" + i, Duration.ofHours(3)));

        RunReport report = run(KeySelection.matching(prefix + "i:*").idleLongerThan(Duration.ofHours(2)));

        assertThat(report.matched()).isEqualTo(10);
        assertThat(report.deleted()).isEqualTo(10);
        assertThat(remaining("i:")).hasSize(10).allMatch(k -> k.contains(":fresh:"));
    }

    @Test
    void aKeyReadAfterThePlanSurvivesTheIdleFilter() {
        IntStream.range(0, 10).forEach(i -> idle(prefix + "r:" + i, Duration.ofHours(3)));
        listener = new RunListener() {
            @Override
            public void planned(String policy, long matched) {
                keys.get(prefix + "r:3");
            }
        };

        RunReport report = runCounted(KeySelection.matching(prefix + "r:*").idleLongerThan(Duration.ofHours(2)));

        assertThat(report.matched()).isEqualTo(10);
        assertThat(report.deleted()).isEqualTo(9);
        assertThat(remaining("r:")).containsExactly(prefix + "r:3");
    }

    @Test
    void aDryRunCountsAndSamplesInKeyOrderAndChangesNothing() {
        strings("d:", 30);

        RunReport report = run(KeySelection.matching(prefix + "d:*"), Limits.defaults().withMaxFraction(1.0),
                RunMode.DRY_RUN);

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.matched()).isEqualTo(30);
        assertThat(report.deleted()).isZero();
        assertThat(report.plan().sampleKeys()).hasSize(10).isSorted().allMatch(k -> k.startsWith(prefix + "d:"));
        assertThat(report.plan().sampleKeys().get(0)).isEqualTo(prefix + "d:0");
        assertThat(report.plan().estimatedBytes()).isPositive();
        assertThat(report.plan().total()).isGreaterThanOrEqualTo(30);
        assertThat(report.plan().statements()).anyMatch(s -> s.startsWith("SCAN")).anyMatch(s -> s.startsWith("UNLINK"))
                .noneMatch(s -> s.contains("KEYS"));
        assertThat(remaining("d:")).hasSize(30);
    }

    @Test
    void theMaxItemsGuardRefusesBeforeAnyChange() {
        strings("g:", 50);

        RunReport report = run(KeySelection.matching(prefix + "g:*"),
                Limits.defaults().withMaxFraction(1.0).withMaxItems(49), RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.warnings()).singleElement().asString().contains("50 items match, above limits.maxItems 49");
        assertThat(remaining("g:")).hasSize(50);
    }

    @Test
    void theReferenceTimeIsTheServersClock() {
        strings("c:", 1);
        long before = redis.timeMillis();

        RunReport report = run(KeySelection.matching(prefix + "c:*"));

        long after = redis.timeMillis();
        assertThat(report.referenceTime()).isBetween(Instant.ofEpochMilli(before), Instant.ofEpochMilli(after + 1));
    }

    @Test
    void anUpdateActionIsRejectedWithoutChangingAnything() {
        strings("u:", 5);
        Policy policy = Policy.builder("demote").store("cache").selection(KeySelection.matching(prefix + "u:*"))
                .action(dev.lethe.core.policy.Action.update(java.util.Map.of("tier",
                        dev.lethe.core.policy.UpdateValue.literal("warm"))))
                .build();

        RunReport report;
        try (Engine engine = Engine.builder().stores(new StoreRegistry().add(redis.spec("cache"))).build()) {
            report = engine.run(policy, RunMode.EXECUTE);
        }

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.error()).contains("store 'cache' can only delete keys");
        assertThat(remaining("u:")).hasSize(5);
    }

    @Test
    void aTimeoutStopsBetweenBatchesAndReportsTheBacklog() {
        strings("to:", 300);
        // Every reading of the engine's clock moves it 10 s: the 25 s budget runs out after a couple of batches.
        ManualClock clock = ManualClock.at("2030-01-01T00:00:00Z").autoAdvance(Duration.ofSeconds(10));
        Policy policy = Policy.builder("sweep").store("cache").selection(KeySelection.matching(prefix + "to:*"))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(50).withTimeout(Duration.ofSeconds(25)))
                .build();

        RunReport report;
        try (Engine engine = Engine.builder().stores(new StoreRegistry().add(redis.spec("cache"))).clock(clock).build()) {
            report = engine.run(policy, RunMode.EXECUTE);
        }

        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.deleted()).isPositive().isLessThan(300).isEqualTo(report.deleted() / 50 * 50);
        assertThat(report.backlog()).isEqualTo(300 - report.deleted());
        assertThat(remaining("to:")).hasSize((int) (300 - report.deleted()));
    }

    // --- orphan sweeps with a live set -------------------------------------------------------------------------

    KeySelection orphans(int minLive) {
        return KeySelection.matching(prefix + "session:*").orphansOf(new Orphans(
                Pattern.compile("^" + Pattern.quote(prefix) + "session:(?<owner>[^:]+):"),
                new LiveSource.SetMembers("cache", prefix + "live"), minLive));
    }

    void sessions(int owners, int keysEach) {
        for (int s = 1; s <= owners; s++) {
            strings("session:s" + s + ":msg", keysEach);
        }
    }

    @Test
    void anOrphanSweepRemovesOnlyKeysOfOwnersThatAreNotLive() {
        sessions(10, 3);
        keys.sadd(prefix + "live", "s1", "s2", "s3", "s4", "s5");
        keys.set(prefix + "session:unowned", "no owner in the name");

        RunReport report = run(orphans(1));

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(15);
        assertThat(remaining("session:")).hasSize(16)
                .allMatch(k -> k.matches(".*session:s[1-5]:.*") || k.endsWith("session:unowned"));
    }

    @Test
    void anEmptyLiveSetRefusesTheSweepInsteadOfDeletingEverything() {
        sessions(4, 2);

        RunReport report = run(orphans(1));

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.deleted()).isZero();
        assertThat(report.warnings()).singleElement().asString().contains("lists 0 owners, below minLive 1");
        assertThat(remaining("session:")).hasSize(8);
    }

    @Test
    void aLiveSetBelowTheFloorRefuses() {
        sessions(4, 2);
        keys.sadd(prefix + "live", "s1");

        RunReport report = run(orphans(2));

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(remaining("session:")).hasSize(8);
    }

    @Test
    void aLiveSourceOfTheWrongTypeRefuses() {
        sessions(2, 2);
        keys.set(prefix + "live", "not a set");

        RunReport report = run(orphans(1));

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.warnings()).singleElement().asString().contains("failed").contains("WRONGTYPE");
        assertThat(remaining("session:")).hasSize(4);
    }

    @Test
    void anOwnerThatBecomesLiveDuringTheRunIsSpared() {
        sessions(6, 3);
        keys.sadd(prefix + "live", "s1");
        listener = new RunListener() {
            @Override
            public void planned(String policy, long matched) {
                keys.sadd(prefix + "live", "s4");
            }
        };

        RunReport report = runCounted(orphans(1));

        assertThat(report.matched()).isEqualTo(15);
        assertThat(report.deleted()).isEqualTo(12);
        assertThat(remaining("session:")).hasSize(6).allMatch(k -> k.matches(".*session:s[14]:.*"));
    }

    /** Writes a string key the server believes was last touched {@code idle} ago (RESTORE ... IDLETIME). */
    void idle(String key, Duration idle) {
        keys.set(key, "v");
        byte[] dump = keys.dump(key);
        keys.restore(key, dump, new RestoreArgs().replace().idleTime(idle.toSeconds()));
    }
}
