package dev.lethe.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.StoreSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Opening Redis stores from their specs: type lookup, settings, and failures that never show a password. */
@ExtendWith(RedisServers.Standalone.class)
class RedisStoreProviderTest {

    @Test
    void theEngineFindsTheRedisTypeOnTheClassPath(RedisDeployment redis) {
        try (StoreRegistry registry = new StoreRegistry().add(redis.spec("cache"))) {
            Store store = registry.get("cache");

            assertThat(store).isInstanceOf(RedisStore.class);
            assertThat(store.name()).isEqualTo("cache");
            assertThat(store.referenceTime().instant()).isNotNull();
        }
    }

    @Test
    void oneTypeServesRedisAndValkey() {
        // Valkey speaks the same protocol: a Valkey server is configured as type: redis.
        assertThat(new RedisStoreProvider().types()).containsExactly("redis");
    }

    @Test
    void aStoreNeedsExactlyOneOfUriAndCluster() {
        RedisStoreProvider provider = new RedisStoreProvider();

        assertThatThrownBy(() -> provider.open(new StoreSpec("cache", "redis", Map.of())))
                .isInstanceOf(StoreException.class).hasMessageContaining("store 'cache': set exactly one of 'uri'");
        assertThatThrownBy(() -> provider.open(new StoreSpec("cache", "redis",
                Map.of("uri", "redis://127.0.0.1:6379", "cluster", "redis://127.0.0.1:7000"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("exactly one");
    }

    @Test
    void aBadScanCountIsRefusedWithTheValue() {
        assertThatThrownBy(() -> new RedisStoreProvider().open(new StoreSpec("cache", "redis",
                Map.of("uri", "redis://127.0.0.1:6379", "scanCount", "0"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("scanCount must be a positive integer, was '0'");
    }

    @Test
    void anUnreachableServerFailsNamingTheStoreButNotThePassword() {
        StoreSpec spec = new StoreSpec("cache", "redis", Map.of("uri", "redis://app:s3cret@127.0.0.1:1"));

        assertThatThrownBy(() -> new RedisStoreProvider().open(spec))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("store 'cache': cannot connect to redis://app:****@127.0.0.1:1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
    }

    @Test
    void passwordsAreMaskedWhereverAUriIsShown() {
        assertThat(RedisUris.mask("redis://:pw@h:1 and rediss://user:pw@h2:2/0 and redis://h3:3"))
                .isEqualTo("redis://:****@h:1 and rediss://user:****@h2:2/0 and redis://h3:3");
        assertThat(RedisUris.mask("redis://onlypassword@h:1")).isEqualTo("redis://:****@h:1");
    }
}
