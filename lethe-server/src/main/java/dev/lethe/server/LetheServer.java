package dev.lethe.server;

import dev.lethe.core.history.RunRecord;
import dev.lethe.core.owner.CollectReport;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.server.http.AdminApi;
import dev.lethe.server.http.AdminOperations;
import dev.lethe.server.internal.DaemonLog;
import dev.lethe.server.internal.DaemonThreads;
import dev.lethe.server.internal.Generation;
import dev.lethe.server.internal.LastRuns;
import dev.lethe.server.internal.LeasedRunner;
import dev.lethe.server.internal.PolicyScheduler;
import dev.lethe.server.metrics.LetheMetrics;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Lethe daemon: runs policies on their schedules, one instance at a time per policy (leases), with
 * metrics, a log line per run, and optionally the HTTP admin API. {@code lethe serve} is this class started
 * from a config file; a service can embed it the same way.
 *
 * <pre>{@code
 * LetheServer server = LetheServer.builder()
 *         .workload(Workload.of(policies, engine))      // or .source(...) to support reload
 *         .leases(JdbcLeaseStore.open(stateUrl))        // default: leases in this process only
 *         .http(new InetSocketAddress("127.0.0.1", 9464)) // optional
 *         .build()
 *         .start();
 * ...
 * server.close();   // stops scheduling, lets the current batch finish, releases leases
 * }</pre>
 *
 * <p>The daemon never closes what it was given (engine, lease store); a {@link Workload}'s own
 * {@code retire} action runs when the workload is no longer used.
 */
public final class LetheServer implements AdminOperations, AutoCloseable {

    private final LetheServerBuilder settings;
    private final DaemonLog log;
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final ExecutorService workers = Executors.newCachedThreadPool(new DaemonThreads("lethe-run"));
    private final ScheduledExecutorService renewals = Executors.newScheduledThreadPool(2, new DaemonThreads("lethe-lease"));
    private final PolicyScheduler scheduler;
    private volatile boolean ready;
    private AdminApi api;

    LetheServer(LetheServerBuilder settings) {
        this.settings = settings;
        this.log = new DaemonLog(settings.logFormat, settings.logOut, settings.clock);
        LeasedRunner runner = new LeasedRunner(settings.leases, settings.owner, settings.leaseTtl, renewals,
                settings.metrics, log, shuttingDown::get, settings.clock);
        this.scheduler = new PolicyScheduler(settings.clock, settings.pollInterval, runner, workers, log);
    }

    /** Configures a daemon. */
    public static LetheServerBuilder builder() {
        return new LetheServerBuilder();
    }

    /**
     * Loads the workload, starts the schedules and, if configured, the HTTP API.
     *
     * @throws RuntimeException from the {@link PolicySource} when the first workload is unusable
     * @throws java.io.UncheckedIOException when the HTTP port cannot be bound
     */
    public synchronized LetheServer start() {
        Generation first = load();
        Map<String, LastRuns> last = LastRuns.read(first.engine().history(), first.policies(), log);
        publish(first);
        last.forEach((policy, runs) -> runs.succeeded().ifPresent(at -> settings.metrics.lastSuccess(policy, at)));
        scheduler.start(first, last);
        if (settings.http != null) {
            try {
                api = AdminApi.start(settings.http, this, settings.adminToken, settings.waitLimit);
            } catch (RuntimeException e) {
                stop(Duration.ZERO);
                throw e;
            }
        }
        ready = true;
        log.info("start", "lethe daemon started: " + first.policies().size() + " policies, lease owner "
                + settings.owner + httpAddress().map(a -> ", admin API on http://" + a.getHostString() + ":"
                + a.getPort()).orElse(""), Map.of("owner", settings.owner));
        return this;
    }

    /** The admin API's address, when it runs. */
    public Optional<InetSocketAddress> httpAddress() {
        return Optional.ofNullable(api).map(AdminApi::address);
    }

    public LetheMetrics metrics() {
        return settings.metrics;
    }

    @Override
    public List<PolicyStatus> policies() {
        return scheduler.status();
    }

    @Override
    public List<RunRecord> runs(Optional<String> policy, int limit) {
        return scheduler.generation().engine().history().recent(policy, limit);
    }

    @Override
    public Optional<RunRecord> run(long id) {
        return scheduler.generation().engine().history().find(id);
    }

    @Override
    public CompletableFuture<RunReport> trigger(String policy) {
        return scheduler.trigger(policy);
    }

    @Override
    public CollectReport collect(String kind, String id) {
        if (shuttingDown.get()) {
            throw new IllegalStateException("the daemon is shutting down");
        }
        CollectReport report = scheduler.collect(kind, id);
        log.info("collect", "collected " + kind + " " + id + ": " + report.status().label() + ", "
                + report.processed() + " items", Map.of("kind", kind, "status", report.status().label()));
        return report;
    }

    @Override
    public synchronized List<String> reload() {
        Generation next;
        try {
            next = load();
        } catch (RuntimeException e) {
            String message = "reload refused, the current config stays in force: " + e.getMessage();
            log.warn("reload", message, Map.of());
            throw new ReloadRejectedException(message, e);
        }
        scheduler.reload(next);
        publish(next);
        List<String> names = next.policies().stream().map(Policy::name).toList();
        log.info("reload", "config reloaded: " + names.size() + " policies", Map.of("policies", names));
        return names;
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public Optional<String> scrape() {
        return settings.metrics.scrape();
    }

    /**
     * Stops: no new runs; runs under way stop before their next batch (status {@code interrupted}) and release
     * their leases; waits for them up to {@code grace}; then stops the HTTP API.
     *
     * @return true when every run finished within {@code grace}
     */
    public boolean stop(Duration grace) {
        ready = false;
        shuttingDown.set(true);
        boolean clean;
        try {
            clean = scheduler.stop(grace);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            clean = false;
        }
        if (api != null) {
            api.close();
        }
        workers.shutdown();
        renewals.shutdown();
        log.info("stop", clean ? "lethe daemon stopped" : "lethe daemon stopped with runs still under way after "
                + grace.toSeconds() + " s; they show as interrupted in history", Map.of());
        return clean;
    }

    /** How long {@link #close()} waits for runs under way. */
    public Duration shutdownGrace() {
        return settings.shutdownGrace;
    }

    /** {@link #stop(Duration)} with the configured shutdown grace (30 s by default). */
    @Override
    public void close() {
        stop(settings.shutdownGrace);
    }

    private Generation load() {
        Workload workload = settings.source.load();
        try {
            return Generation.of(workload, settings.random);
        } catch (RuntimeException e) {
            try {
                workload.retire().close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The schedule gauges of the policies. */
    private void publish(Generation generation) {
        for (Policy policy : generation.policies()) {
            generation.timetable(policy.name()).ifPresent(timetable -> {
                Instant first = timetable.nominalNextAfter(settings.clock.instant());
                settings.metrics.scheduled(policy.name(), Duration.between(first, timetable.nominalNextAfter(first)));
            });
            settings.metrics.leaseHeld(policy.name(), false);
        }
    }
}
