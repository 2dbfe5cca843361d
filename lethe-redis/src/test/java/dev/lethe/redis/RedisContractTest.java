package dev.lethe.redis;

import dev.lethe.testsupport.StoreContractTest;
import dev.lethe.testsupport.StoreFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shared store contract against both client set-ups, on servers of the test run's own: the contract
 * checks the plan's total, which is the size of the whole keyspace.
 */
class RedisContractTest {

    abstract static class OnDeployment extends StoreContractTest {
        private final RedisDeployment redis;

        OnDeployment(RedisDeployment redis) {
            this.redis = redis;
        }

        @Override
        protected StoreFixture createFixture() {
            return new RedisItemFixture(redis);
        }
    }

    @Nested
    @ExtendWith(RedisServers.Private.class)
    class Standalone extends OnDeployment {
        Standalone(RedisDeployment redis) {
            super(redis);
        }
    }

    @Nested
    @ExtendWith(RedisServers.Cluster.class)
    class Cluster extends OnDeployment {
        Cluster(RedisDeployment redis) {
            super(redis);
        }
    }
}
