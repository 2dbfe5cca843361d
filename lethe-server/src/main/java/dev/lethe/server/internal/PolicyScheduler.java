package dev.lethe.server.internal;

import dev.lethe.core.owner.CollectReport;
import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.server.LeaseUnavailableException;
import dev.lethe.server.PolicyStatus;
import dev.lethe.server.schedule.Timetable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Decides when each policy runs, and starts its runs on worker threads.
 *
 * <p>Design note. One loop thread wakes at the earliest fire time (at the latest every {@code pollInterval},
 * so an injected clock that jumps is noticed) and on every event — a trigger, a finished run, a reload. Each
 * pass marks policies whose fire time has passed as <em>due</em> and starts due policies that can start. The
 * rules:
 * <ul>
 *   <li>A policy never overlaps itself: while it runs, fire times and triggers only mark it due again, and a
 *       due policy waits for the run to finish. However many fire times passed meanwhile, that is one run.</li>
 *   <li>At start, a fire time missed while the daemon was down (the policy's last run in history is older than
 *       one period) makes the policy due once; so does {@code atStartup}.</li>
 *   <li>Runs on one store are serialised: a policy whose store is busy with another policy stays due. This
 *       keeps the daemon's load on a database to one sweep at a time and stores free of concurrent use.</li>
 * </ul>
 * All state sits in {@link PolicySlot}s guarded by one lock; runs themselves happen outside it.
 */
public final class PolicyScheduler {

    private final Clock clock;
    private final Duration pollInterval;
    private final PolicyRunner runner;
    private final ExecutorService workers;
    private final DaemonLog log;
    private final Object lock = new Object();
    private final Map<String, PolicySlot> slots = new LinkedHashMap<>();
    /** Slots a reload removed while they were running; a policy added back reuses its slot, so it cannot overlap. */
    private final Map<String, PolicySlot> retiring = new LinkedHashMap<>();
    private final Set<String> busyStores = new HashSet<>();
    private Generation generation;
    private int running;
    private boolean stopped;
    private boolean retired;
    private Thread loop;

    public PolicyScheduler(Clock clock, Duration pollInterval, PolicyRunner runner, ExecutorService workers, DaemonLog log) {
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.runner = runner;
        this.workers = workers;
        this.log = log;
    }

    /**
     * Installs the first generation, applying {@code atStartup} and missed-fire-time catch-up from what history
     * says about each policy's last run, and starts the loop.
     */
    public void start(Generation first, Map<String, LastRuns> last) {
        begin(first, last);
        loop = new Thread(this::loop, "lethe-scheduler");
        loop.setDaemon(true);
        loop.start();
    }

    /** Installs the first generation without starting the loop; tests then drive {@link #pass()} themselves. */
    void begin(Generation first, Map<String, LastRuns> last) {
        synchronized (lock) {
            install(first, last);
        }
    }

    /** One scheduling pass at the clock's current time. */
    void pass() {
        synchronized (lock) {
            if (!stopped) {
                startDueRuns(clock.instant());
            }
        }
    }

    /** Replaces the policies: kept names keep their state, new ones wait for their first fire time. */
    public void reload(Generation next) {
        synchronized (lock) {
            if (stopped) {
                next.retire();
                throw new IllegalStateException("the daemon is shutting down; the reload was not applied");
            }
            install(next, null);
        }
    }

    /** Asks for a run of {@code policy} now, or right after its current run; the future completes with its report. */
    public CompletableFuture<RunReport> trigger(String policy) {
        CompletableFuture<RunReport> done = new CompletableFuture<>();
        synchronized (lock) {
            if (stopped) {
                throw new IllegalStateException("the daemon is shutting down; policy '" + policy + "' was not run");
            }
            PolicySlot slot = slots.get(policy);
            if (slot == null) {
                throw new IllegalArgumentException("no policy named '" + policy + "'; known: " + slots.keySet());
            }
            slot.waiters.add(done);
            slot.due = true;
            lock.notifyAll();
        }
        return done;
    }

    /** The state of every policy, in config order. */
    public List<PolicyStatus> status() {
        synchronized (lock) {
            return slots.values().stream().map(PolicySlot::status).toList();
        }
    }

    /**
     * Collects one owner's items with the current generation's engine, on the caller's thread; a reload meanwhile
     * does not close the stores under it.
     *
     * @throws IllegalArgumentException for an unknown owner kind or an id the kind's templates refuse
     */
    public CollectReport collect(String kind, String id) {
        Generation used;
        synchronized (lock) {
            used = generation;
            used.retain();
        }
        try {
            OwnerKind owner = used.owner(kind).orElseThrow(() -> new IllegalArgumentException("no owner kind '" + kind
                    + "' under owners: in the config"));
            return used.engine().collect(owner, id);
        } finally {
            used.release();
        }
    }

    /** The current generation. */
    public Generation generation() {
        synchronized (lock) {
            return generation;
        }
    }

    /**
     * Stops starting runs and waits up to {@code grace} for the runs under way to finish (the caller has told
     * them to stop before their next batch). Retires the current generation.
     *
     * @return true when every run finished in time
     */
    public boolean stop(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            if (!stopped) {
                stopped = true;
                slots.values().forEach(slot -> failWaiters(slot, "the daemon shut down before policy '"
                        + slot.policy.name() + "' could run"));
                lock.notifyAll();
            }
            while (running > 0 && System.nanoTime() < deadline) {
                lock.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
        }
        if (loop != null) {
            loop.join(pollInterval.toMillis() + 1000);
        }
        synchronized (lock) {
            if (!retired && generation != null) {
                retired = true;
                generation.retire();       // closed once its last run is done; history stays readable
            }
            return running == 0;
        }
    }

    private void loop() {
        synchronized (lock) {
            while (!stopped) {
                try {
                    startDueRuns(clock.instant());
                    lock.wait(millisToWait());
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("scheduler", "scheduling pass failed: " + e, Map.of());
                }
            }
        }
    }

    private long millisToWait() {
        Instant now = clock.instant();
        long wait = pollInterval.toMillis();
        for (PolicySlot slot : slots.values()) {
            if (slot.nextFire != null) {
                wait = Math.min(wait, Duration.between(now, slot.nextFire).toMillis());
            }
        }
        return Math.max(1, wait);
    }

    private void startDueRuns(Instant now) {
        for (PolicySlot slot : slots.values()) {
            slot.fireIfDue(now);
            if (slot.due && !slot.running && !busyStores.contains(slot.policy.store())) {
                launch(slot);
            }
        }
    }

    private void launch(PolicySlot slot) {
        List<CompletableFuture<RunReport>> waiters = List.copyOf(slot.waiters);
        slot.waiters.clear();
        slot.due = false;
        slot.running = true;
        Policy policy = slot.policy;
        Generation used = generation;
        used.retain();
        busyStores.add(policy.store());
        running++;
        workers.execute(() -> {
            RunReport report = null;
            Throwable error = null;
            try {
                report = runner.run(policy, used.engine());
            } catch (Throwable t) {
                error = t;
            }
            finished(slot, used, report, error);
            for (CompletableFuture<RunReport> waiter : waiters) {
                if (error == null) {
                    waiter.complete(report);
                } else {
                    waiter.completeExceptionally(error);
                }
            }
        });
    }

    private void finished(PolicySlot slot, Generation used, RunReport report, Throwable error) {
        synchronized (lock) {
            slot.running = false;
            if (report != null) {
                slot.lastReport = report;
            }
            busyStores.remove(slot.policy.store());
            retiring.remove(slot.policy.name(), slot);
            running--;
            lock.notifyAll();
        }
        used.release();
        if (error != null && !(error instanceof LeaseUnavailableException)) {
            log.warn("scheduler", "policy '" + slot.policy.name() + "': run ended unexpectedly: " + error, Map.of());
        }
    }

    /** @param last the policies' last runs at a cold start; null for a reload */
    private void install(Generation next, Map<String, LastRuns> last) {
        Instant now = clock.instant();
        Map<String, PolicySlot> kept = new LinkedHashMap<>();
        for (Policy policy : next.policies()) {
            Timetable timetable = next.timetable(policy.name()).orElse(null);
            PolicySlot slot = slots.remove(policy.name());
            if (slot == null) {
                slot = retiring.remove(policy.name());
            }
            if (slot == null) {
                slot = new PolicySlot(policy, timetable);
                if (last == null) {
                    slot.nextFire = next(timetable, now);
                } else if (slot.startAt(now, LastRuns.of(last, policy.name()).started())) {
                    log.debug("scheduler", "policy '" + policy.name() + "' missed a fire time while the daemon was"
                            + " down; running it once now", Map.of("policy", policy.name()));
                }
            } else if (!Objects.equals(slot.policy.schedule(), policy.schedule())) {
                slot.timetable = timetable;
                slot.nextFire = next(timetable, now);
            }
            slot.policy = policy;
            kept.put(policy.name(), slot);
        }
        for (PolicySlot removed : slots.values()) {
            failWaiters(removed, "policy '" + removed.policy.name() + "' was removed by a reload");
            removed.due = false;
            if (removed.running) {
                retiring.put(removed.policy.name(), removed);
            }
        }
        slots.clear();
        slots.putAll(kept);
        Generation previous = generation;
        generation = next;
        if (previous != null) {
            previous.retire();
        }
        lock.notifyAll();
    }

    private static Instant next(Timetable timetable, Instant now) {
        return timetable == null ? null : timetable.nextAfter(now);
    }

    private static void failWaiters(PolicySlot slot, String why) {
        for (CompletableFuture<RunReport> waiter : slot.waiters) {
            waiter.completeExceptionally(new IllegalStateException(why));
        }
        slot.waiters.clear();
    }
}
