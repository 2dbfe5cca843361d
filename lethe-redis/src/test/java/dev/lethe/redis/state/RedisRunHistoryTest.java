package dev.lethe.redis.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Run history in the shared Redis on 6379, under a private hash-tagged prefix. */
class RedisRunHistoryTest {

    static final String URL = "redis://127.0.0.1:6379";

    private final String prefix = "{lethe-test-" + UUID.randomUUID() + "}:";
    private final List<RedisRunHistory> opened = new ArrayList<>();

    private RedisRunHistory history(Duration staleAfter) {
        RedisRunHistory history = new RedisRunHistory(URL, prefix, staleAfter);
        opened.add(history);
        return history;
    }

    @AfterEach
    void cleanUp() {
        opened.forEach(RedisRunHistory::close);
        StateTestKeys.deleteAll(URL, prefix);
    }

    private static RunReport report(String policy, RunStatus status, long deleted) {
        return new RunReport(policy, status, false, deleted, deleted, 0, 0, Map.of("acked", deleted), 0, List.of(),
                List.of("a warning"), Instant.parse("2030-01-01T00:00:00Z"), 1234, null, "cache",
                Instant.parse("2030-01-01T00:00:00Z"), 0, Map.of(), 0, null, null);
    }

    @Test
    void aFinishedRunKeepsItsReport() {
        RedisRunHistory history = history(RedisRunHistory.DEFAULT_STALE_AFTER);
        long id = history.start("sessions", "cache", false, Instant.parse("2030-01-01T00:00:00Z"));

        history.finish(id, report("sessions", RunStatus.OK, 42));

        RunRecord record = history.find(id).orElseThrow();
        assertThat(record.status()).isEqualTo(RunStatus.OK);
        assertThat(record.policy()).isEqualTo("sessions");
        assertThat(record.store()).isEqualTo("cache");
        assertThat(record.startedAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(record.finishedAt()).contains(Instant.parse("2030-01-01T00:00:01.234Z"));
        assertThat(record.report().orElseThrow().deleted()).isEqualTo(42);
        assertThat(record.report().orElseThrow().outcomes()).isEqualTo(Map.of("acked", 42L));
    }

    @Test
    void recentIsNewestFirstAndFiltersByPolicy() {
        RedisRunHistory history = history(RedisRunHistory.DEFAULT_STALE_AFTER);
        long first = history.start("a", "cache", false, Instant.now());
        long second = history.start("b", "cache", true, Instant.now());
        long third = history.start("a", "cache", false, Instant.now());

        assertThat(history.recent(Optional.empty(), 10)).extracting(RunRecord::id).containsExactly(third, second, first);
        assertThat(history.recent(Optional.of("a"), 10)).extracting(RunRecord::id).containsExactly(third, first);
        assertThat(history.recent(Optional.empty(), 2)).extracting(RunRecord::id).containsExactly(third, second);
        assertThat(history.find(second).orElseThrow().dryRun()).isTrue();
        assertThat(history.find(9_999_999)).isEmpty();
    }

    @Test
    void aRunOfThisLiveProcessStaysRunningWhileItHeartbeats() {
        RedisRunHistory history = history(Duration.ofMillis(300));
        long id = history.start("p", "cache", false, Instant.now());

        // Several stale periods pass; the heartbeat thread keeps the run alive.
        long until = System.nanoTime() + Duration.ofMillis(1200).toNanos();
        while (System.nanoTime() < until) {
            assertThat(history.find(id).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        }
    }

    @Test
    void aRunOfAProcessThatDiedShowsInterrupted() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashingRun.class.getName(), URL, prefix)
                .redirectErrorStream(false).start();
        long id;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            id = Long.parseLong(out.readLine().trim());
        }
        child.waitFor();

        RunRecord record = history(RedisRunHistory.DEFAULT_STALE_AFTER).find(id).orElseThrow();

        assertThat(record.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(record.finishedAt()).isPresent();
    }

    @Test
    void aSilentRunOfAnotherHostShowsInterruptedOnceItsHeartbeatExpires() {
        RedisRunHistory writer = history(Duration.ofMillis(200));
        long id = writer.start("p", "cache", false, Instant.now());
        pretendAnotherHost(id);
        writer.close();
        RedisRunHistory reader = history(Duration.ofMillis(200));

        waitFor(() -> reader.find(id).filter(r -> r.status() == RunStatus.INTERRUPTED));

        assertThat(reader.recent(Optional.of("p"), 1)).extracting(RunRecord::status).containsExactly(RunStatus.INTERRUPTED);
    }

    @Test
    void finishingAfterBeingTakenForDeadStillRecordsTheOutcome() {
        RedisRunHistory history = history(Duration.ofMillis(200));
        long id = history.start("p", "cache", false, Instant.now());
        pretendAnotherHost(id);
        history.heartbeat(id);

        history.finish(id, report("p", RunStatus.OK, 3));

        assertThat(history.find(id).orElseThrow().status()).isEqualTo(RunStatus.OK);
    }

    @Test
    void concurrentWritersEachGetTheirOwnRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int daemon = 0; daemon < 4; daemon++) {
                RedisRunHistory history = history(RedisRunHistory.DEFAULT_STALE_AFTER);
                for (int i = 0; i < 10; i++) {
                    ids.add(pool.submit(() -> history.start("p", "cache", false, Instant.now())));
                }
            }
            Set<Long> distinct = new HashSet<>();
            for (Future<Long> id : ids) {
                distinct.add(id.get());
            }
            assertThat(distinct).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void runningIsNotAFinalStatus() {
        RedisRunHistory history = history(RedisRunHistory.DEFAULT_STALE_AFTER);
        long id = history.start("p", "cache", false, Instant.now());

        assertThatThrownBy(() -> history.finish(id, report("p", RunStatus.RUNNING, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void pretendAnotherHost(long id) {
        RedisClient client = RedisClient.create(URL);
        try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
            connection.sync().hset(prefix + "run:" + id, "process", "1@some-other-host");
        } finally {
            client.shutdown();
        }
    }

    static <T> T waitFor(Supplier<Optional<T>> attempt) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not met within 10s");
    }
}
