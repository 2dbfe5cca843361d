package dev.lethe.redis;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** The key-sweep tests against both client set-ups: a standalone server and a three-master cluster. */
class RedisStoreTest {

    @Nested
    @ExtendWith(RedisServers.Standalone.class)
    class Standalone extends KeySweepTests {
    }

    @Nested
    @ExtendWith(RedisServers.Cluster.class)
    class Cluster extends KeySweepTests {
    }
}
