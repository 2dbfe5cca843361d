package dev.lethe.server;

import dev.lethe.core.lease.LeaseStore;
import dev.lethe.server.internal.InProcessLeaseStore;
import dev.lethe.server.internal.LeaseOwner;
import dev.lethe.server.metrics.LetheMetrics;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Configures a {@link LetheServer}. Only the workload (or its source) is required; every setter checks its
 * value and fails with the value in the message.
 */
public final class LetheServerBuilder {

    PolicySource source;
    LeaseStore leases;
    Duration leaseTtl = Duration.ofSeconds(30);
    String owner = LeaseOwner.current();
    InetSocketAddress http;
    Optional<String> adminToken = Optional.empty();
    LogFormat logFormat = LogFormat.TEXT;
    PrintStream logOut = System.out;
    LetheMetrics metrics;
    Clock clock = Clock.systemUTC();
    RandomGenerator random = new SecureRandom();
    Duration pollInterval = Duration.ofSeconds(1);
    Duration shutdownGrace = Duration.ofSeconds(30);
    Duration waitLimit = Duration.ofMinutes(10);

    LetheServerBuilder() {
    }

    /** Fixed policies and engine; {@link LetheServer#reload()} then reloads the same workload. */
    public LetheServerBuilder workload(Workload workload) {
        Objects.requireNonNull(workload, "workload");
        return source(() -> workload);
    }

    /** Where policies come from, at start and on every reload (e.g. {@link ConfigFileSource}). */
    public LetheServerBuilder source(PolicySource policySource) {
        this.source = Objects.requireNonNull(policySource, "source");
        return this;
    }

    /** Where leases live; default: in this process only, which is right for a single instance. */
    public LetheServerBuilder leases(LeaseStore leaseStore) {
        this.leases = Objects.requireNonNull(leaseStore, "leases");
        return this;
    }

    /** How long a lease lasts without renewal (renewed every third of it); default 30 s. */
    public LetheServerBuilder leaseTtl(Duration ttl) {
        this.leaseTtl = positive(ttl, "leaseTtl");
        if (ttl.toMillis() < 30) {
            throw new IllegalArgumentException("leaseTtl must be at least 30ms, was " + ttl);
        }
        return this;
    }

    /** This instance's name as a lease owner; default {@code host/pid/random}. */
    public LetheServerBuilder owner(String leaseOwner) {
        if (leaseOwner == null || leaseOwner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
        this.owner = leaseOwner;
        return this;
    }

    /** Serves the admin API on this address (port 0: any free port); default: no HTTP. */
    public LetheServerBuilder http(InetSocketAddress address) {
        this.http = Objects.requireNonNull(address, "address");
        return this;
    }

    /** The bearer token POST endpoints require; without one every POST is refused with 401. */
    public LetheServerBuilder adminToken(Optional<String> token) {
        this.adminToken = Objects.requireNonNull(token, "token");
        return this;
    }

    public LetheServerBuilder logFormat(LogFormat format) {
        this.logFormat = Objects.requireNonNull(format, "logFormat");
        return this;
    }

    /** Where JSON log lines go; default standard output. */
    public LetheServerBuilder logOut(PrintStream out) {
        this.logOut = Objects.requireNonNull(out, "logOut");
        return this;
    }

    /** Metrics to record into, e.g. over the service's own registry; default a new Prometheus registry. */
    public LetheServerBuilder metrics(LetheMetrics letheMetrics) {
        this.metrics = Objects.requireNonNull(letheMetrics, "metrics");
        return this;
    }

    /** The scheduler's clock; tests inject one they move by hand. */
    public LetheServerBuilder clock(Clock schedulerClock) {
        this.clock = Objects.requireNonNull(schedulerClock, "clock");
        return this;
    }

    /** The source of schedule jitter; tests pass a seeded one. */
    public LetheServerBuilder random(RandomGenerator jitter) {
        this.random = Objects.requireNonNull(jitter, "random");
        return this;
    }

    /** The longest the scheduler sleeps between looks at the clock; default 1 s. */
    public LetheServerBuilder pollInterval(Duration interval) {
        this.pollInterval = positive(interval, "pollInterval");
        return this;
    }

    /** How long {@link LetheServer#close()} waits for runs under way; default 30 s. */
    public LetheServerBuilder shutdownGrace(Duration grace) {
        Objects.requireNonNull(grace, "shutdownGrace");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must not be negative, was " + grace);
        }
        this.shutdownGrace = grace;
        return this;
    }

    /** How long {@code POST …/run?wait=true} waits before answering 202; default 10 min. */
    public LetheServerBuilder waitLimit(Duration limit) {
        this.waitLimit = positive(limit, "waitLimit");
        return this;
    }

    public LetheServer build() {
        if (source == null) {
            throw new IllegalStateException("a LetheServer needs a workload or a source of policies");
        }
        if (leases == null) {
            leases = new InProcessLeaseStore(clock);
        }
        if (metrics == null) {
            metrics = LetheMetrics.prometheus();
        }
        return new LetheServer(this);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }
}
