package dev.lethe.server.internal;

import dev.lethe.core.lease.LeaseStore;
import dev.lethe.testsupport.LeaseStoreContractTest;
import java.time.Clock;

/** The in-process lease store (one daemon, no shared state) keeps the same promises as the shared ones. */
class InProcessLeaseStoreTest extends LeaseStoreContractTest {

    private final InProcessLeaseStore shared = new InProcessLeaseStore(Clock.systemUTC());

    @Override
    protected LeaseStore openStore() {
        return shared;
    }
}
