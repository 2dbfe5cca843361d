package dev.lethe.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.history.InMemoryRunHistory;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Schedule;
import dev.lethe.core.report.RunReport;
import dev.lethe.server.LogFormat;
import dev.lethe.server.PolicyStatus;
import dev.lethe.server.Workload;
import dev.lethe.server.testing.Eventually;
import dev.lethe.server.testing.MemoryStore;
import dev.lethe.server.testing.Reports;
import dev.lethe.testsupport.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler's rules, driven pass by pass with a clock moved by hand. */
class PolicySchedulerTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock(T0);
    private final InMemoryRunHistory history = new InMemoryRunHistory();
    private final Engine engine = Engine.builder().stores(new StoreRegistry(List.of())).history(history).build();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final GatedRunner runner = new GatedRunner();
    private final PolicyScheduler scheduler = new PolicyScheduler(clock, Duration.ofMillis(10), runner, workers,
            new DaemonLog(LogFormat.TEXT, System.out, clock));

    @AfterEach
    void stop() throws InterruptedException {
        runner.openAll();
        scheduler.stop(WAIT);
        workers.shutdownNow();
    }

    /** Counts runs per policy; a policy's runs wait at its gate once {@link #gate} was called for it. */
    static final class GatedRunner implements PolicyRunner {
        final List<String> started = new CopyOnWriteArrayList<>();
        final List<String> finished = new CopyOnWriteArrayList<>();
        final Map<String, Semaphore> gates = new ConcurrentHashMap<>();

        Semaphore gate(String policy) {
            return gates.computeIfAbsent(policy, p -> new Semaphore(0));
        }

        void openAll() {
            gates.values().forEach(g -> g.release(1000));
        }

        long starts(String policy) {
            return started.stream().filter(policy::equals).count();
        }

        @Override
        public RunReport run(Policy policy, Engine engine) {
            started.add(policy.name());
            Semaphore gate = gates.get(policy.name());
            try {
                if (gate != null && !gate.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate of " + policy.name() + " never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.add(policy.name());
            return Reports.ok(policy.name());
        }
    }

    private static Policy policy(String name, String store, Schedule schedule) {
        return Policy.builder(name).store(store).selection(new MemoryStore.Matching(v -> true)).schedule(schedule).build();
    }

    private static Schedule every(Duration interval) {
        return new Schedule.Every(interval, Duration.ZERO, false);
    }

    private Generation generation(Policy... policies) {
        return Generation.of(Workload.of(List.of(policies), engine), new Random(1));
    }

    /** Starts with what history says about the policies' last runs, as the daemon does. */
    private void begin(Generation first) {
        scheduler.begin(first, LastRuns.read(history, first.policies(), new DaemonLog(LogFormat.TEXT, System.out, clock)));
    }

    private PolicyStatus status(String name) {
        return scheduler.status().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private void awaitFinished(String policy, long runs) {
        Eventually.waitUntil(policy + " finished " + runs + " runs", WAIT,
                () -> runner.finished.stream().filter(policy::equals).count() >= runs && !status(policy).running());
    }

    @Test
    void aPolicyRunsAtItsFireTimeAndNotBefore() {
        Semaphore gate = runner.gate("p");
        begin(generation(policy("p", "app", every(Duration.ofMinutes(1)))));
        assertThat(status("p").nextRun()).isEqualTo(T0.plusSeconds(60));

        clock.advance(Duration.ofSeconds(59));
        scheduler.pass();
        assertThat(status("p").running()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        scheduler.pass();
        assertThat(status("p").running()).isTrue();
        assertThat(status("p").nextRun()).isEqualTo(T0.plusSeconds(120));
        gate.release();
        awaitFinished("p", 1);
    }

    @Test
    void aPolicyNeverOverlapsItselfAndFireTimesMissedWhileBusyRunOnceNotInABurst() {
        Semaphore gate = runner.gate("p");
        begin(generation(policy("p", "app", every(Duration.ofMinutes(1)))));
        clock.advance(Duration.ofMinutes(1));
        scheduler.pass();
        Eventually.waitUntil("the first run started", WAIT, () -> runner.starts("p") == 1);

        for (int i = 0; i < 5; i++) {            // five fire times pass while the first run goes on
            clock.advance(Duration.ofMinutes(1));
            scheduler.pass();
        }
        assertThat(runner.starts("p")).isEqualTo(1);
        assertThat(status("p").due()).isTrue();
        assertThat(status("p").nextRun()).isAfter(clock.instant());

        gate.release();
        awaitFinished("p", 1);
        scheduler.pass();
        Eventually.waitUntil("the catch-up run started", WAIT, () -> runner.starts("p") == 2);
        gate.release();
        awaitFinished("p", 2);

        scheduler.pass();
        assertThat(runner.starts("p")).as("one catch-up run, not five").isEqualTo(2);
        assertThat(status("p").due()).isFalse();
    }

    @Test
    void atStartupRunsOnceWhenTheDaemonStarts() {
        // Gated so the cold-start run is still under way when its status is read.
        Semaphore gate = runner.gate("p");
        begin(generation(policy("p", "app", new Schedule.Every(Duration.ofHours(1), Duration.ZERO, true)),
                policy("q", "other", every(Duration.ofHours(1)))));

        scheduler.pass();

        assertThat(status("p").running()).isTrue();
        assertThat(status("q").running()).isFalse();
        gate.release();
        awaitFinished("p", 1);
        scheduler.pass();
        assertThat(runner.starts("p")).isEqualTo(1);
    }

    @Test
    void aFireTimeMissedWhileTheDaemonWasDownRunsOnceAtStart() {
        recordRun("p", T0.minus(Duration.ofMinutes(17)));     // every 5m: three fire times were missed
        Semaphore gate = runner.gate("p");

        begin(generation(policy("p", "app", every(Duration.ofMinutes(5)))));
        scheduler.pass();

        assertThat(status("p").running()).isTrue();
        assertThat(status("p").nextRun()).isEqualTo(T0.plus(Duration.ofMinutes(5)));
        gate.release();
        awaitFinished("p", 1);
        scheduler.pass();
        assertThat(runner.starts("p")).isEqualTo(1);
    }

    @Test
    void aRecentRunInHistoryKeepsTheCadenceAcrossARestart() {
        recordRun("p", T0.minus(Duration.ofMinutes(2)));

        begin(generation(policy("p", "app", every(Duration.ofMinutes(5)))));
        scheduler.pass();

        assertThat(status("p").running()).isFalse();
        assertThat(status("p").nextRun()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aTriggerRunsNowAndTriggersDuringARunCoalesceIntoOneMoreRun() throws Exception {
        Semaphore gate = runner.gate("p");
        begin(generation(policy("p", "app", null)));
        CompletableFuture<RunReport> first = scheduler.trigger("p");
        scheduler.pass();
        Eventually.waitUntil("the triggered run started", WAIT, () -> runner.starts("p") == 1);

        CompletableFuture<RunReport> second = scheduler.trigger("p");
        CompletableFuture<RunReport> third = scheduler.trigger("p");
        gate.release();
        assertThat(first.get(10, TimeUnit.SECONDS).policy()).isEqualTo("p");
        awaitFinished("p", 1);
        scheduler.pass();
        gate.release();

        assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(third.get(10, TimeUnit.SECONDS));
        assertThat(runner.starts("p")).isEqualTo(2);
        assertThat(status("p").nextRun()).as("a policy without schedule has no fire time").isNull();
    }

    @Test
    void anUnknownPolicyCannotBeTriggered() {
        begin(generation(policy("p", "app", null)));

        assertThatThrownBy(() -> scheduler.trigger("nope"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no policy named 'nope'");
    }

    @Test
    void runsOnOneStoreAreSerialised() {
        Semaphore gate = runner.gate("a");
        // c is gated too: an ungated run may already be over when its status is read.
        Semaphore otherStore = runner.gate("c");
        begin(generation(policy("a", "app", every(Duration.ofMinutes(1))),
                policy("b", "app", every(Duration.ofMinutes(1))), policy("c", "other", every(Duration.ofMinutes(1)))));
        clock.advance(Duration.ofMinutes(1));
        scheduler.pass();

        assertThat(status("a").running()).isTrue();
        assertThat(status("b").running()).isFalse();
        assertThat(status("b").due()).isTrue();
        assertThat(status("c").running()).as("another store is not held up").isTrue();

        otherStore.release();
        gate.release();
        awaitFinished("a", 1);
        scheduler.pass();
        Eventually.waitUntil("b ran once a was done", WAIT, () -> runner.starts("b") == 1);
    }

    @Test
    void reloadKeepsTheStateOfKeptPoliciesAndSchedulesNewOnesFromNow() {
        begin(generation(policy("kept", "app", every(Duration.ofMinutes(5))),
                policy("gone", "other", every(Duration.ofMinutes(5)))));
        Instant keptNext = status("kept").nextRun();
        clock.advance(Duration.ofMinutes(2));

        scheduler.reload(generation(policy("kept", "app", every(Duration.ofMinutes(5))),
                policy("new", "third", every(Duration.ofMinutes(1)))));

        assertThat(scheduler.status()).extracting(PolicyStatus::name).containsExactly("kept", "new");
        assertThat(status("kept").nextRun()).isEqualTo(keptNext);
        assertThat(status("new").nextRun()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThatThrownBy(() -> scheduler.trigger("gone")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPolicyRemovedWhileRunningAndAddedBackDoesNotOverlapItsOldRun() {
        Semaphore gate = runner.gate("p");
        begin(generation(policy("p", "app", null)));
        scheduler.trigger("p");
        scheduler.pass();
        Eventually.waitUntil("p started", WAIT, () -> runner.starts("p") == 1);

        scheduler.reload(generation());
        scheduler.reload(generation(policy("p", "app", null)));
        scheduler.trigger("p");
        scheduler.pass();

        assertThat(runner.starts("p")).isEqualTo(1);
        assertThat(status("p").running()).isTrue();
        gate.release(2);
        Eventually.waitUntil("the second run followed the first", WAIT, () -> {
            scheduler.pass();
            return runner.finished.size() == 2;
        });
    }

    @Test
    void stopWaitsForTheRunUnderWayAndRefusesNewTriggers() throws Exception {
        Semaphore gate = runner.gate("p");
        begin(generation(policy("p", "app", null)));
        scheduler.trigger("p");
        scheduler.pass();
        Eventually.waitUntil("p started", WAIT, () -> runner.starts("p") == 1);
        CompletableFuture<RunReport> queued = scheduler.trigger("p");

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return scheduler.stop(WAIT);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Eventually.waitUntil("the queued trigger was refused", WAIT, queued::isCompletedExceptionally);
        assertThat(stopped).isNotDone();
        gate.release();

        assertThat(stopped.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.starts("p")).isEqualTo(1);
        assertThatThrownBy(() -> scheduler.trigger("p")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theLoopStartsRunsByItself() {
        scheduler.start(generation(policy("p", "app", every(Duration.ofMinutes(1)))), Map.of());

        clock.advance(Duration.ofMinutes(3));

        Eventually.waitUntil("the loop noticed the fire time", WAIT, () -> runner.finished.size() == 1);
    }

    private void recordRun(String policy, Instant startedAt) {
        long id = history.start(policy, "app", false, startedAt);
        history.finish(id, Reports.of(policy, dev.lethe.core.report.RunStatus.OK, 0, 0, startedAt));
    }
}
