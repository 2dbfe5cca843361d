package dev.lethe.redis.state;

import dev.lethe.core.lease.LeaseStore;
import dev.lethe.testsupport.LeaseStoreContractTest;
import java.util.UUID;

/** The shared lease contract on the Redis at 6379, under a private hash-tagged prefix removed afterwards. */
class RedisLeaseStoreTest extends LeaseStoreContractTest {

    static final String URL = "redis://127.0.0.1:6379";

    private final String prefix = "{lethe-test-" + UUID.randomUUID() + "}:";

    @Override
    protected LeaseStore openStore() {
        return new RedisLeaseStore(URL, prefix);
    }

    @Override
    protected void cleanUp() {
        StateTestKeys.deleteAll(URL, prefix);
    }
}
