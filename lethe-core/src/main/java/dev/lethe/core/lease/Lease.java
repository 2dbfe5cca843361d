package dev.lethe.core.lease;

import java.time.Instant;

/**
 * A held lease.
 *
 * @param name      what is leased, e.g. {@code policy:pending-uploads}
 * @param owner     the holder, e.g. {@code host:pid:uuid}
 * @param fencing   a number that grows with every new holder of this lease
 * @param expiresAt expiry on the lease store's clock
 */
public record Lease(String name, String owner, long fencing, Instant expiresAt) {
}
