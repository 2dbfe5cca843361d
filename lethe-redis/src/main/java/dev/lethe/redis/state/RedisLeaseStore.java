package dev.lethe.redis.state;

import dev.lethe.core.lease.Lease;
import dev.lethe.core.lease.LeaseStore;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leases in Redis, shared by every daemon that points at the same state store.
 *
 * <p>Design note — one script per decision, judged by the server's clock. A held lease is the key
 * {@code lease:<name>}, value {@code <fencing> <expiresAt> <owner>}, written with {@code SET … PXAT expiresAt}
 * ({@code TIME} + ttl, read inside the script): the server expires it, so no instance's clock decides when a
 * lease is free, and every reader sees the same expiry. Taking a lease is atomic: when the key is absent
 * (free or expired) or held by the same owner, the script {@code INCR}s the counter {@code fencing:<name>} and
 * writes the key; otherwise it changes nothing. The counter is never deleted, so the fencing number grows with
 * every new holder for the life of the store. Renewing (a new expiry) and releasing ({@code DEL}) match owner
 * and fencing number, so a holder whose lease expired and was taken over can neither extend nor end its
 * successor's; an expired lease cannot be renewed even if nobody took it yet.
 */
public final class RedisLeaseStore implements LeaseStore {

    /** Reads the held value ({@code <fencing> <expiresAt> <owner>}) and the server's clock, in milliseconds. */
    private static final String READ = """
            local held = redis.call('GET', KEYS[1])
            local fencing, expires, owner
            if held then fencing, expires, owner = string.match(held, '^(%d+) (%d+) (.*)$') end
            local t = redis.call('TIME')
            local now = t[1] * 1000 + math.floor(t[2] / 1000)
            """;
    private static final String ACQUIRE = READ + """
            if held and owner ~= ARGV[1] then return {} end
            local taken = redis.call('INCR', KEYS[2])
            local expiry = string.format('%.0f', now + tonumber(ARGV[2]))
            redis.call('SET', KEYS[1], taken .. ' ' .. expiry .. ' ' .. ARGV[1], 'PXAT', expiry)
            return {taken, expiry}""";
    private static final String RENEW = READ + """
            if not held or fencing ~= ARGV[1] or owner ~= ARGV[2] then return -1 end
            local expiry = string.format('%.0f', now + tonumber(ARGV[3]))
            redis.call('SET', KEYS[1], fencing .. ' ' .. expiry .. ' ' .. owner, 'PXAT', expiry)
            return tonumber(expiry)""";
    private static final String RELEASE = READ + """
            if held and fencing == ARGV[1] and owner == ARGV[2] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final StateConnection redis;
    private final StateKeys keys;

    /**
     * Opens the leases at a state URL: {@code redis://…} (comma-separated URIs for a cluster), keys under
     * {@value StateKeys#DEFAULT_PREFIX} or, with {@code ?prefix=NAME}, under {@code {NAME}:}.
     */
    public RedisLeaseStore(String url) {
        this(StateUrl.parse(url));
    }

    private RedisLeaseStore(StateUrl url) {
        this(url.uris(), url.prefix());
    }

    /** Opens the lease store at {@code url} ({@code redis://…}, or comma-separated URIs of a cluster). */
    public RedisLeaseStore(String url, String keyPrefix) {
        this.keys = new StateKeys(keyPrefix);
        this.redis = StateConnection.open(url);
    }

    @Override
    public Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
        List<Object> taken = redis.script(ACQUIRE, ScriptOutputType.MULTI, new String[] {keys.lease(name), keys.fencing(name)},
                owner, String.valueOf(ttl(ttl)));
        return taken.isEmpty() ? Optional.empty() : Optional.of(new Lease(name, owner, (Long) taken.get(0),
                Instant.ofEpochMilli(Long.parseLong((String) taken.get(1)))));
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        Long expires = redis.script(RENEW, ScriptOutputType.INTEGER, new String[] {keys.lease(lease.name())},
                String.valueOf(lease.fencing()), lease.owner(), String.valueOf(ttl(ttl)));
        return expires < 0 ? Optional.empty()
                : Optional.of(new Lease(lease.name(), lease.owner(), lease.fencing(), Instant.ofEpochMilli(expires)));
    }

    @Override
    public void release(Lease lease) {
        redis.script(RELEASE, ScriptOutputType.INTEGER, new String[] {keys.lease(lease.name())},
                String.valueOf(lease.fencing()), lease.owner());
    }

    /** The current holder of {@code name}, if the lease is held. */
    public Optional<Lease> holder(String name) {
        String held = redis.commands().get(keys.lease(name));
        if (held == null) {
            return Optional.empty();
        }
        String[] parts = held.split(" ", 3);
        return Optional.of(new Lease(name, parts[2], Long.parseLong(parts[0]), Instant.ofEpochMilli(Long.parseLong(parts[1]))));
    }

    @Override
    public void close() {
        redis.close();
    }

    @Override
    public String toString() {
        return "RedisLeaseStore[" + redis.describe() + "]";
    }

    private static long ttl(Duration ttl) {
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("lease ttl must be at least 1ms, was " + ttl);
        }
        return ttl.toMillis();
    }
}
