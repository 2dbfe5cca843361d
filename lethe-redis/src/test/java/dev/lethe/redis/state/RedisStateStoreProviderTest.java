package dev.lethe.redis.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.core.state.StateStoreProvider;
import dev.lethe.core.state.StateStoreProviders;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code state: redis://…} is found on the class path and opens a working history and lease store. */
class RedisStateStoreProviderTest {

    @Test
    void aRedisStateUrlFindsThisProvider() {
        assertThat(StateStoreProviders.forUrl("redis://127.0.0.1:6379")).get().isInstanceOf(RedisStateStoreProvider.class);
        assertThat(StateStoreProviders.forUrl("rediss://cache.internal:6380")).isPresent();
        assertThat(new RedisStateStoreProvider().accepts("jdbc:sqlite:lethe-state.db")).isFalse();
    }

    @Test
    void itOpensHistoryAndLeasesUnderTheDefaultPrefix() {
        StateStoreProvider provider = StateStoreProviders.forUrl(RedisRunHistoryTest.URL).orElseThrow();
        String policy = "provider-test-" + UUID.randomUUID();
        try (RunHistory history = provider.openHistory(RedisRunHistoryTest.URL);
             LeaseStore leases = provider.openLeases(RedisRunHistoryTest.URL)) {
            long id = history.start(policy, "cache", true, Instant.now());
            assertThat(history.recent(Optional.of(policy), 1)).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(id));
            leases.release(leases.tryAcquire("policy:" + policy, "me", Duration.ofSeconds(5)).orElseThrow());
        }
        // The default prefix is shared by every daemon on this server; leave nothing of ours behind.
        RedisClient client = RedisClient.create(RedisRunHistoryTest.URL);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            for (String id : redis.zrange("{lethe}:runs:" + policy, 0, -1)) {
                redis.zrem("{lethe}:runs", id);
                redis.del("{lethe}:run:" + id, "{lethe}:alive:" + id);
            }
            redis.del("{lethe}:runs:" + policy, "{lethe}:lease:policy:" + policy, "{lethe}:fencing:policy:" + policy);
        } finally {
            client.shutdown();
        }
    }

    @Test
    void anUnreachableServerFailsNamingItWithoutThePassword() {
        assertThatThrownBy(() -> new RedisRunHistory("redis://lethe:s3cret@127.0.0.1:1"))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("redis://lethe:****@127.0.0.1:1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }
}
