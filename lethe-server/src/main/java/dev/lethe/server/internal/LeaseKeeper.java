package dev.lethe.server.internal;

import dev.lethe.core.lease.Lease;
import dev.lethe.core.lease.LeaseStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Keeps the lease of one run alive: renews it every third of its time to live, and says when it must be taken
 * as lost.
 *
 * <p>Design note. The lease is lost when a renewal is refused (it expired and someone else may hold it now),
 * and also when no renewal has succeeded for a whole time to live — measured on this machine from the moment
 * the last successful call was <em>sent</em>, which is never later than the moment the store computed the
 * expiry. A state store that is down or a renewal that hangs therefore cannot make the run outlive its lease:
 * the run stops before its next batch. Failed renewals are retried on the next beat, since a short outage of
 * the state store does not lose a lease that nobody else can take meanwhile.
 */
final class LeaseKeeper implements AutoCloseable {

    private final LeaseStore leases;
    private final Duration ttl;
    private final DaemonLog log;
    private final LongSupplier nanoTime;
    private final ScheduledFuture<?> beats;
    private volatile Lease lease;
    private volatile boolean refused;
    private volatile long validUntilNanos;
    private boolean closed;

    /**
     * @param sentAtNanos when the call that took {@code lease} was sent, on {@code nanoTime}
     */
    LeaseKeeper(LeaseStore leases, Lease lease, Duration ttl, long sentAtNanos, ScheduledExecutorService timer,
                DaemonLog log, LongSupplier nanoTime) {
        this.leases = leases;
        this.lease = lease;
        this.ttl = ttl;
        this.log = log;
        this.nanoTime = nanoTime;
        this.validUntilNanos = sentAtNanos + ttl.toNanos();
        long every = Math.max(1, ttl.toMillis() / 3);
        this.beats = timer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    /** Whether the run must stop: its lease was refused, or could not be renewed within its time to live. */
    boolean lost() {
        return refused || nanoTime.getAsLong() - validUntilNanos > 0;
    }

    /** The lease as last renewed. */
    Lease lease() {
        return lease;
    }

    synchronized void renew() {
        if (refused || closed) {
            return;
        }
        long sentAt = nanoTime.getAsLong();
        try {
            leases.renew(lease, ttl).ifPresentOrElse(renewed -> {
                lease = renewed;
                validUntilNanos = sentAt + ttl.toNanos();
            }, () -> {
                refused = true;
                log.warn("lease", "lease " + lease.name() + " was lost (it expired and may be held by another"
                        + " instance now); the run stops before its next batch", Map.of("lease", lease.name()));
            });
        } catch (RuntimeException e) {
            log.warn("lease", "cannot renew lease " + lease.name() + ": " + e.getMessage() + "; retrying",
                    Map.of("lease", lease.name()));
        }
    }

    /**
     * Stops renewing and releases the lease (a lease store that fails here lets it expire instead). Waits for a
     * renewal under way, so the release is the last word.
     */
    @Override
    public synchronized void close() {
        closed = true;
        beats.cancel(false);
        try {
            leases.release(lease);
        } catch (RuntimeException e) {
            log.warn("lease", "cannot release lease " + lease.name() + ": " + e.getMessage() + "; it expires in "
                    + ttl.toMillis() + " ms", Map.of("lease", lease.name()));
        }
    }
}
