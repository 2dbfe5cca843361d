package dev.lethe.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.RunStatus;
import dev.lethe.redis.state.RedisRunHistory;
import dev.lethe.server.testing.Eventually;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code lethe serve} processes sharing a Redis state store (history and leases, under a private prefix on
 * 127.0.0.1:6379): a Redis policy with {@code atStartup} does its cold-start pass exactly once at a time,
 * leaving excluded keys alone, and an owner is collected through the admin API.
 */
class RedisDaemonTest {

    private static final String REDIS = "redis://127.0.0.1:6379";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final String id = UUID.randomUUID().toString();
    private final String keys = "lethe-daemon-test:" + id + ":";
    private final String users = "lethe-daemon-users:" + id + ":";
    private final String state = REDIS + "?prefix=lethe-test-" + id;
    private RedisClient client;
    private RedisCommands<String, String> redis;

    @BeforeEach
    void arrange() {
        client = RedisClient.create(REDIS);
        redis = client.connect().sync();
        for (int s = 0; s < 20; s++) {
            redis.set(keys + "session:s" + s + ":msg", "m");
        }
        for (int c = 0; c < 5; c++) {
            redis.set(keys + "channel:c" + c, "reconnects");
        }
        for (String user : List.of("u1", "u2")) {
            redis.set(users + user + ":profile", "p");
            redis.set(users + user + ":avatar", "a");
        }
    }

    @AfterEach
    void cleanUp() {
        for (String glob : List.of(keys + "*", users + "*", "{lethe-test-" + id + "}:*")) {
            List<String> left = scan(glob);
            if (!left.isEmpty()) {
                redis.unlink(left.toArray(String[]::new));
            }
        }
        client.shutdown();
    }

    @Test
    void aColdStartPassRunsOnceAtATimeAcrossDaemonsAndLeavesExcludedKeys() throws Exception {
        Path config = dir.resolve("lethe.yaml");
        Files.writeString(config, """
                state: "%s"
                stores:
                  cache: { type: redis, uri: "%s" }
                policies:
                  cold-start:
                    store: cache
                    keys: "%s*"
                    exclude: [ "%schannel:*" ]
                    schedule: { every: 1h, atStartup: true }
                    limits: { batchSize: 5, maxFraction: 1.0 }
                owners:
                  user:
                    - { store: cache, keys: "%s{id}:*" }
                """.formatted(state, REDIS, keys, keys, users));
        try (DaemonProcess a = DaemonProcess.start(config, Map.of());
             DaemonProcess b = DaemonProcess.start(config, Map.of());
             RedisRunHistory history = new RedisRunHistory(state)) {
            List<RunRecord> runs = Eventually.waitFor("a finished cold-start run", WAIT, () -> {
                List<RunRecord> finished = history.recent(Optional.of("cold-start"), 10).stream()
                        .filter(run -> run.status() == RunStatus.OK).toList();
                return finished.isEmpty() ? null : finished;
            });
            assertThat(runs.stream().mapToLong(run -> run.report().orElseThrow().deleted()).sum()).isEqualTo(20);
            assertThat(scan(keys + "session:*")).isEmpty();
            assertThat(scan(keys + "channel:*")).hasSize(5);

            HttpResponse<String> collected = a.post("/api/owners/user/u1/collect", DaemonProcess.TOKEN);
            assertThat(collected.statusCode()).as(collected.body()).isEqualTo(200);
            JsonNode report = DaemonProcess.json(collected);
            assertThat(report.get("members").get(0).get("deleted").asLong()).isEqualTo(2);
            assertThat(scan(users + "*")).containsExactlyInAnyOrder(users + "u2:profile", users + "u2:avatar");

            a.sigterm();
            b.sigterm();
            assertThat(a.awaitExit(WAIT)).isZero();
            assertThat(b.awaitExit(WAIT)).isZero();
            assertNoOverlap(history.recent(Optional.of("cold-start"), 10));
        }
    }

    /** Sorted by start, every run of the policy starts after the previous one ended: the Redis lease held. */
    private static void assertNoOverlap(List<RunRecord> runs) {
        List<RunRecord> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(RunRecord::startedAt));
        for (int i = 1; i < sorted.size(); i++) {
            assertThat(sorted.get(i).startedAt()).as("run %s starts after run %s ended", sorted.get(i).id(), sorted.get(i - 1).id())
                    .isAfterOrEqualTo(sorted.get(i - 1).finishedAt().orElseThrow());
        }
    }

    private List<String> scan(String glob) {
        List<String> found = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> reply = redis.scan(cursor, ScanArgs.Builder.matches(glob).limit(1000));
            found.addAll(reply.getKeys());
            cursor = reply;
        } while (!cursor.isFinished());
        return found;
    }
}
