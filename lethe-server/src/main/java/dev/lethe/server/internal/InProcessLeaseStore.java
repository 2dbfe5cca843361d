package dev.lethe.server.internal;

import dev.lethe.core.lease.Lease;
import dev.lethe.core.lease.LeaseStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Leases kept in this process: enough for a daemon embedded in a single service instance, where the scheduler
 * already keeps a policy from overlapping itself. Same rules as the JDBC store — expiry, takeover, a fencing
 * number that grows with every holder — so the daemon behaves the same on either.
 */
public final class InProcessLeaseStore implements LeaseStore {

    private final Clock clock;
    private final Map<String, Lease> leases = new HashMap<>();

    public InProcessLeaseStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
        Instant now = clock.instant();
        Lease current = leases.get(name);
        if (current != null && !current.expiresAt().isBefore(now) && !current.owner().equals(owner)) {
            return Optional.empty();
        }
        Lease taken = new Lease(name, owner, current == null ? 1 : current.fencing() + 1, now.plus(ttl));
        leases.put(name, taken);
        return Optional.of(taken);
    }

    @Override
    public synchronized Optional<Lease> renew(Lease lease, Duration ttl) {
        Instant now = clock.instant();
        Lease current = leases.get(lease.name());
        if (!holds(current, lease) || current.expiresAt().isBefore(now)) {
            return Optional.empty();
        }
        Lease renewed = new Lease(lease.name(), lease.owner(), lease.fencing(), now.plus(ttl));
        leases.put(lease.name(), renewed);
        return Optional.of(renewed);
    }

    @Override
    public synchronized Optional<Lease> holder(String name) {
        Lease current = leases.get(name);
        return current == null || current.expiresAt().isBefore(clock.instant()) ? Optional.empty() : Optional.of(current);
    }

    @Override
    public synchronized void release(Lease lease) {
        Lease current = leases.get(lease.name());
        if (holds(current, lease)) {
            leases.put(lease.name(), new Lease(lease.name(), lease.owner(), lease.fencing(), Instant.EPOCH));
        }
    }

    private static boolean holds(Lease current, Lease lease) {
        return current != null && current.owner().equals(lease.owner()) && current.fencing() == lease.fencing();
    }

    @Override
    public void close() {
    }
}
