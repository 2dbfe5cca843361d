package dev.lethe.server.internal;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunControl;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.lease.Lease;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.server.LeaseUnavailableException;
import dev.lethe.server.metrics.LetheMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;

/**
 * One scheduled run: take the policy's lease ({@code policy:<name>}), run the engine while a {@link LeaseKeeper}
 * renews the lease, release it, then record metrics and the log line.
 *
 * <p>The run is told to stop before its next batch when the lease is lost (status {@code failed}) or the
 * daemon is shutting down (status {@code interrupted}). The engine records the run in history; when history
 * itself cannot be written, the engine throws and this runner reports a {@code failed} run that exists only
 * in metrics and the log.
 */
public final class LeasedRunner implements PolicyRunner {

    private final LeaseStore leases;
    private final String owner;
    private final Duration ttl;
    private final ScheduledExecutorService timer;
    private final LetheMetrics metrics;
    private final DaemonLog log;
    private final BooleanSupplier shuttingDown;
    private final Clock clock;

    public LeasedRunner(LeaseStore leases, String owner, Duration ttl, ScheduledExecutorService timer,
                        LetheMetrics metrics, DaemonLog log, BooleanSupplier shuttingDown, Clock clock) {
        this.leases = leases;
        this.owner = owner;
        this.ttl = ttl;
        this.timer = timer;
        this.metrics = metrics;
        this.log = log;
        this.shuttingDown = shuttingDown;
        this.clock = clock;
    }

    @Override
    public RunReport run(Policy policy, Engine engine) {
        String name = "policy:" + policy.name();
        long sentAt = System.nanoTime();
        Lease lease = acquire(policy, name);
        RunReport report;
        metrics.leaseHeld(policy.name(), true);
        try (LeaseKeeper keeper = new LeaseKeeper(leases, lease, ttl, sentAt, timer, log, System::nanoTime)) {
            RunControl control = () -> {
                if (shuttingDown.getAsBoolean()) {
                    return Optional.of(new RunControl.Stop(RunStatus.INTERRUPTED, "the daemon is shutting down"));
                }
                if (keeper.lost()) {
                    return Optional.of(new RunControl.Stop(RunStatus.FAILED, "lease " + name + " was lost"));
                }
                return Optional.empty();
            };
            report = runEngine(policy, engine, control);
            if (keeper.lost() && report.status() == RunStatus.FAILED) {
                metrics.error(policy.name(), "lease");
            }
        } finally {
            metrics.leaseHeld(policy.name(), false);
        }
        metrics.finished(report);
        log.run(report);
        return report;
    }

    private Lease acquire(Policy policy, String name) {
        Optional<Lease> lease;
        try {
            lease = leases.tryAcquire(name, owner, ttl);
        } catch (RuntimeException e) {
            metrics.error(policy.name(), "state");
            String message = "policy '" + policy.name() + "' skipped: cannot take lease " + name + ": " + e.getMessage();
            log.warn("lease", message, Map.of("policy", policy.name()));
            throw new LeaseUnavailableException(message, false, e);
        }
        if (lease.isEmpty()) {
            String message = "policy '" + policy.name() + "' skipped: lease " + name + " is held by another instance";
            log.debug("lease", message, Map.of("policy", policy.name()));
            throw new LeaseUnavailableException(message, true, null);
        }
        return lease.get();
    }

    private RunReport runEngine(Policy policy, Engine engine, RunControl control) {
        Instant started = clock.instant();
        try {
            RunReport report = engine.run(policy, RunMode.EXECUTE, control);
            if (report.error() != null) {
                metrics.error(policy.name(), "store");
            }
            return report;
        } catch (RuntimeException e) {
            // The engine turns store problems into reports; what escapes it is history that cannot be written.
            metrics.error(policy.name(), "state");
            String error = "policy '" + policy.name() + "': run could not be recorded in the state store: " + e.getMessage();
            return new RunReport(policy.name(), RunStatus.FAILED, false, 0, 0, 0, 0, Map.of(), 0, List.of(),
                    List.of(error), started, Duration.between(started, clock.instant()).toMillis(), null,
                    policy.store(), null, 0, Map.of(), 0, error, null);
        }
    }
}
