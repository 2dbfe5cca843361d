package dev.lethe.server.metrics;

import dev.lethe.core.engine.RunListener;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records runs as Micrometer meters. The names below are as Prometheus shows them.
 * <ul>
 *   <li>{@code lethe_items_total{policy,outcome}} — items processed: per outcome label of the policy, or per
 *       action ({@code deleted}, {@code updated}, {@code moved}) when it has none; {@code failed} for skipped items</li>
 *   <li>{@code lethe_runs_total{policy,status}} — finished runs by status ({@code ok}, {@code partial},
 *       {@code failed}, {@code refused}, {@code interrupted})</li>
 *   <li>{@code lethe_run_duration_seconds{policy}} — run duration (count, sum, max)</li>
 *   <li>{@code lethe_last_success_timestamp_seconds{policy}} — end of the last {@code ok} run, Unix seconds</li>
 *   <li>{@code lethe_backlog_items{policy}} — items the last run matched but left (a timeout, a refusal, a stop)</li>
 *   <li>{@code lethe_lease_held{policy}} — 1 while this instance holds the policy's lease</li>
 *   <li>{@code lethe_run_errors_total{policy,kind}} — failures by kind: {@code store} (the policy's store),
 *       {@code state} (the state store: history or leases), {@code lease} (the lease was lost mid-run)</li>
 *   <li>{@code lethe_schedule_interval_seconds{policy}} — the time between two fire times, for alert rules</li>
 * </ul>
 * Also usable as a {@link RunListener} on an engine that runs outside the daemon.
 */
public final class LetheMetrics implements RunListener {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public LetheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Metrics in a new Prometheus registry. */
    public static LetheMetrics prometheus() {
        return new LetheMetrics(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition, when the registry is a Prometheus one. */
    public Optional<String> scrape() {
        return registry instanceof PrometheusMeterRegistry prometheus ? Optional.of(prometheus.scrape()) : Optional.empty();
    }

    @Override
    public void finished(RunReport report) {
        String policy = report.policy();
        Counter.builder("lethe.runs").description("Finished runs by policy and status")
                .tags("policy", policy, "status", report.status().label()).register(registry).increment();
        Timer.builder("lethe.run.duration").description("How long runs take").tags("policy", policy)
                .register(registry).record(Duration.ofMillis(report.durationMs()));
        if (report.outcomes().isEmpty()) {
            items(policy, "deleted", report.deleted());
            items(policy, "updated", report.updated());
            items(policy, "moved", report.moved());
        } else {
            report.outcomes().forEach((label, n) -> items(policy, label, n));
        }
        items(policy, "failed", report.failed());
        gauge("lethe.backlog", "items", policy, "Items the last run matched but left for later").set(report.backlog());
        if (report.status() == RunStatus.OK && !report.dryRun()) {
            lastSuccess(policy, report.startedAt().plusMillis(report.durationMs()));
        }
    }

    /** Sets the last success time, e.g. from history when the daemon starts. */
    public void lastSuccess(String policy, Instant at) {
        gauge("lethe.last.success.timestamp", "seconds", policy, "End of the last ok run, Unix time")
                .set(at.getEpochSecond());
    }

    /** Whether this instance holds the policy's lease now. */
    public void leaseHeld(String policy, boolean held) {
        gauge("lethe.lease.held", null, policy, "1 while this instance holds the policy's lease").set(held ? 1 : 0);
    }

    /** A failure of a run, by kind: {@code store}, {@code state} or {@code lease}. */
    public void error(String policy, String kind) {
        Counter.builder("lethe.run.errors").description("Run failures by policy and kind")
                .tags("policy", policy, "kind", kind).register(registry).increment();
    }

    /** Publishes the time between fire times of a scheduled policy. */
    public void scheduled(String policy, Duration interval) {
        gauge("lethe.schedule.interval", "seconds", policy, "Time between two fire times of the policy")
                .set(interval.toSeconds());
    }

    private void items(String policy, String outcome, long n) {
        if (n > 0) {
            Counter.builder("lethe.items").description("Items processed by policy and outcome")
                    .tags("policy", policy, "outcome", outcome).register(registry).increment(n);
        }
    }

    private AtomicLong gauge(String name, String unit, String policy, String description) {
        return gauges.computeIfAbsent(name + "\u0000" + policy, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(name, value, AtomicLong::doubleValue).description(description)
                    .baseUnit(unit).tags(Tags.of("policy", policy)).strongReference(true).register(registry);
            return value;
        });
    }
}
