package dev.lethe.core.lease;

import java.time.Duration;
import java.util.Optional;

/**
 * Where leases live: the state store (SQLite for one node, PostgreSQL or Redis for several).
 * Every operation is atomic in the store; expiry is judged by the store's clock.
 */
public interface LeaseStore extends AutoCloseable {

    /** Takes the lease if it is free or expired; empty when another owner holds it. */
    Optional<Lease> tryAcquire(String name, String owner, Duration ttl);

    /** Extends a lease still held by its owner with the same fencing number; empty when it was lost. */
    Optional<Lease> renew(Lease lease, Duration ttl);

    /** The current, unexpired holder of the lease, if any (expiry judged by the store's clock). */
    Optional<Lease> holder(String name);

    /** Gives the lease up, if still held by this owner and fencing number. */
    void release(Lease lease);

    @Override
    void close();
}
