package dev.lethe.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.history.InMemoryRunHistory;
import dev.lethe.core.history.RunHistory;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.lease.Lease;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.server.LeaseUnavailableException;
import dev.lethe.server.LogFormat;
import dev.lethe.server.metrics.LetheMetrics;
import dev.lethe.server.testing.Eventually;
import dev.lethe.server.testing.MemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run under a lease: taken, renewed, lost, released, against a lease store the test can break. */
class LeasedRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MemoryStore store = new MemoryStore("app", 100);
    private final InMemoryRunHistory history = new InMemoryRunHistory();
    private final BreakableLeases leases = new BreakableLeases();
    private final LetheMetrics metrics = LetheMetrics.prometheus();
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
    // maxItems makes every run count first, so a stopped run has a backlog to report.
    private final Policy policy = Policy.builder("p").store("app").selection(new MemoryStore.Matching(v -> true))
            .limits(Limits.defaults().withBatchSize(10).withMaxFraction(1.0).withMaxItems(1000)).build();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    /** In-process leases whose renewals and acquisitions the test can refuse or break. */
    static final class BreakableLeases implements LeaseStore {
        final InProcessLeaseStore leases = new InProcessLeaseStore(Clock.systemUTC());
        final AtomicInteger renewals = new AtomicInteger();
        volatile boolean refuseRenewals;
        volatile boolean down;
        volatile int failNextRenewals;

        @Override
        public Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
            if (down) {
                throw new IllegalStateException("state store unreachable");
            }
            return leases.tryAcquire(name, owner, ttl);
        }

        @Override
        public Optional<Lease> holder(String name) {
            return leases.holder(name);
        }

        @Override
        public Optional<Lease> renew(Lease lease, Duration ttl) {
            renewals.incrementAndGet();
            if (down || failNextRenewals-- > 0) {
                throw new IllegalStateException("state store unreachable");
            }
            return refuseRenewals ? Optional.empty() : leases.renew(lease, ttl);
        }

        @Override
        public void release(Lease lease) {
            leases.release(lease);
        }

        @Override
        public void close() {
        }
    }

    private LeasedRunner runner(Duration ttl) {
        return new LeasedRunner(leases, "me", ttl, timer, metrics, new DaemonLog(LogFormat.TEXT, System.out, Clock.systemUTC()),
                shuttingDown::get, Clock.systemUTC());
    }

    private Engine engine(RunHistory runHistory) {
        return Engine.builder().stores(new StoreRegistry(List.of()).add(store)).history(runHistory).build();
    }

    private CompletableFuture<RunReport> runAsync(Duration ttl) {
        return CompletableFuture.supplyAsync(() -> runner(ttl).run(policy, engine(history)));
    }

    private String scrape() {
        return metrics.scrape().orElseThrow();
    }

    @Test
    void aRunTakesTheLeaseHoldsItWhileRunningAndReleasesItAtTheEnd() {
        RunReport report = runner(Duration.ofSeconds(30)).run(policy, engine(history));

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(100);
        assertThat(leases.tryAcquire("policy:p", "other", Duration.ofSeconds(30)))
                .as("released: another owner gets it at once, with the next fencing number")
                .hasValueSatisfying(lease -> assertThat(lease.fencing()).isEqualTo(2));
        assertThat(scrape()).contains("lethe_lease_held{policy=\"p\"} 0.0")
                .contains("lethe_runs_total{policy=\"p\",status=\"ok\"} 1.0");
    }

    @Test
    void aLeaseHeldElsewhereSkipsTheRunWithoutTouchingStoreOrHistory() {
        leases.tryAcquire("policy:p", "other", Duration.ofMinutes(1));

        assertThatThrownBy(() -> runner(Duration.ofSeconds(30)).run(policy, engine(history)))
                .isInstanceOfSatisfying(LeaseUnavailableException.class, e -> assertThat(e.heldElsewhere()).isTrue())
                .hasMessageContaining("held by another instance");
        assertThat(store.size()).isEqualTo(100);
        assertThat(history.recent(Optional.empty(), 10)).isEmpty();
    }

    @Test
    void aLeaseStoreThatIsDownSkipsTheRunAndCountsAStateError() {
        leases.down = true;

        assertThatThrownBy(() -> runner(Duration.ofSeconds(30)).run(policy, engine(history)))
                .isInstanceOfSatisfying(LeaseUnavailableException.class, e -> assertThat(e.heldElsewhere()).isFalse())
                .hasMessageContaining("state store unreachable");
        assertThat(scrape()).contains("lethe_run_errors_total{kind=\"state\",policy=\"p\"} 1.0");
    }

    @Test
    void aRunWhoseLeaseWasLostStopsBeforeItsNextBatch() throws Exception {
        Semaphore gate = store.gateBatches();
        CompletableFuture<RunReport> run = runAsync(Duration.ofMillis(150));
        gate.release();                                   // batch 1
        Eventually.waitUntil("batch 1 done", WAIT, () -> store.batches() == 1);
        leases.refuseRenewals = true;
        int before = leases.renewals.get();
        Eventually.waitUntil("a renewal was refused", WAIT, () -> leases.renewals.get() > before);
        while (!run.isDone()) {                           // one batch at a time, until the run notices
            int done = store.batches();
            gate.release();
            Eventually.waitUntil("the batch or the run ended", WAIT, () -> run.isDone() || store.batches() > done);
        }

        RunReport report = run.get(10, TimeUnit.SECONDS);
        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.deleted()).as("batch 2 was under way; the refusal lands before batch 3 or 4")
                .isBetween(20L, 40L);
        assertThat(report.backlog()).isEqualTo(100 - report.deleted());
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("lease policy:p was lost"));
        assertThat(scrape()).contains("lethe_run_errors_total{kind=\"lease\",policy=\"p\"} 1.0");
    }

    @Test
    void aLeaseThatCannotBeRenewedForItsWholeTimeToLiveCountsAsLost() throws Exception {
        Semaphore gate = store.gateBatches();
        CompletableFuture<RunReport> run = runAsync(Duration.ofMillis(300));
        gate.release();
        Eventually.waitUntil("batch 1 done", WAIT, () -> store.batches() == 1);
        Instant outage = Instant.now();
        leases.down = true;
        Eventually.waitUntil("the lease outlived its time to live", WAIT,
                () -> Duration.between(outage, Instant.now()).toMillis() > 400);
        gate.release(10);

        RunReport report = run.get(10, TimeUnit.SECONDS);
        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.deleted()).isEqualTo(20);
    }

    @Test
    void aRenewalThatFailsOnceDoesNotLoseTheLease() throws Exception {
        Semaphore gate = store.gateBatches();
        leases.failNextRenewals = 1;
        CompletableFuture<RunReport> run = runAsync(Duration.ofMillis(600));
        Eventually.waitUntil("two renewals, the first failing", WAIT, () -> leases.renewals.get() >= 2);
        gate.release(20);

        assertThat(run.get(10, TimeUnit.SECONDS).status()).isEqualTo(RunStatus.OK);
    }

    @Test
    void shutdownInterruptsTheRunAfterTheBatchUnderWayAndRecordsIt() throws Exception {
        Semaphore gate = store.gateBatches();
        CompletableFuture<RunReport> run = runAsync(Duration.ofSeconds(30));
        gate.release();
        Eventually.waitUntil("batch 1 done", WAIT, () -> store.batches() == 1);
        shuttingDown.set(true);
        gate.release(10);

        RunReport report = run.get(10, TimeUnit.SECONDS);
        assertThat(report.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(report.deleted()).isEqualTo(20);
        assertThat(history.find(report.runId()).map(RunRecord::status)).contains(RunStatus.INTERRUPTED);
        assertThat(leases.tryAcquire("policy:p", "other", Duration.ofSeconds(30))).isPresent();
    }

    @Test
    void aStoreThatIsDownGivesAFailedRunInHistoryAndAStoreError() {
        store.down(true);

        RunReport report = runner(Duration.ofSeconds(30)).run(policy, engine(history));

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.error()).contains("store 'app' is unreachable");
        assertThat(history.find(report.runId()).map(RunRecord::status)).contains(RunStatus.FAILED);
        assertThat(scrape()).contains("lethe_run_errors_total{kind=\"store\",policy=\"p\"} 1.0")
                .contains("lethe_runs_total{policy=\"p\",status=\"failed\"} 1.0");
    }

    @Test
    void historyThatCannotBeWrittenGivesAFailedRunInMetricsOnly() {
        RunHistory broken = new RunHistory() {
            @Override
            public long start(String policyName, String storeName, boolean dryRun, Instant startedAt) {
                throw new IllegalStateException("state store jdbc:postgresql://db/lethe: connection refused");
            }

            @Override
            public void heartbeat(long runId) {
            }

            @Override
            public void finish(long runId, RunReport report) {
            }

            @Override
            public List<RunRecord> recent(Optional<String> name, int limit) {
                return List.of();
            }

            @Override
            public Optional<RunRecord> find(long runId) {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };

        RunReport report = runner(Duration.ofSeconds(30)).run(policy, engine(broken));

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.error()).contains("could not be recorded").contains("connection refused");
        assertThat(report.runId()).isNull();
        assertThat(scrape()).contains("lethe_run_errors_total{kind=\"state\",policy=\"p\"} 1.0");
        assertThat(leases.tryAcquire("policy:p", "other", Duration.ofSeconds(30))).isPresent();
    }
}
