package dev.lethe.core.engine;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Orphans;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.PlanSummary;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.LiveOwners;
import dev.lethe.core.store.ReferenceTime;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.Sweep;
import dev.lethe.core.store.SweepPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of one policy: freeze the store's time, prepare, plan, check guards, then batches until done or
 * out of time.
 *
 * <p>Design note: the guards compare the plan's counts, taken before any change, so a refused run has
 * changed nothing. Batches re-check the predicate themselves (the store's job), so an item that stopped
 * matching between plan and batch is left alone. The timeout is checked between batches only: a batch is
 * atomic and is never abandoned half way.
 *
 * <p>Counting costs a whole pass over the store. An executing run whose limits leave no guard that could refuse
 * ({@link Limits#guardsNeedCount()}) skips it and goes straight to the batches; it then reports as matched what
 * its batches found matching, and counts what is left only when a timeout stops it early, for the backlog.
 */
final class RunExecution {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);

    /**
     * How often a running run tells history it is alive. Far below any staleness threshold (minutes), and far
     * above a batch's duration: a heartbeat is a committed write to the state store, and one per batch would
     * add a state-store commit to every batch of a fast sweep.
     */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(10);

    private final Policy policy;
    private final RunMode mode;
    private final StoreRegistry stores;
    private final RunHistory history;
    private final Clock clock;
    private final RunListener listener;
    private final int sampleSize;
    private final RunControl control;

    private final List<String> warnings = new ArrayList<>();
    private final RunTally tally = new RunTally();
    private Instant startedAt;
    private ReferenceTime now;
    private SweepPlan plan;
    private Instant lastHeartbeat;

    RunExecution(Policy policy, RunMode mode, StoreRegistry stores, RunHistory history, Clock clock,
                 RunListener listener, int sampleSize, RunControl control) {
        this.policy = policy;
        this.mode = mode;
        this.stores = stores;
        this.history = history;
        this.clock = clock;
        this.listener = listener;
        this.sampleSize = sampleSize;
        this.control = control;
    }

    RunReport execute() {
        startedAt = clock.instant();
        lastHeartbeat = startedAt;
        long runId = history.start(policy.name(), policy.store(), mode == RunMode.DRY_RUN, startedAt);
        RunReport report;
        try {
            report = sweep(runId);
        } catch (RuntimeException e) {
            LOG.debug("policy {} failed", policy.name(), e);
            report = report(tally.processed > 0 ? RunStatus.PARTIAL : RunStatus.FAILED, 0, describe(e));
        }
        report = report.withRunId(runId);
        history.finish(runId, report);
        listener.finished(report);
        return report;
    }

    private RunReport sweep(long runId) {
        Store store = stores.get(policy.store());
        now = store.referenceTime();
        LiveOwners live = LiveOwners.NONE;
        Optional<Orphans> orphans = policy.selection().orphanRule();
        if (orphans.isPresent()) {
            Optional<LiveOwners> inventory = inventory(orphans.get());
            if (inventory.isEmpty()) {
                return report(RunStatus.REFUSED, 0, null);
            }
            live = inventory.get();
        }
        try (Sweep sweep = store.prepare(policy, now, live)) {
            if (mode == RunMode.EXECUTE && !policy.limits().guardsNeedCount()) {
                listener.planned(policy.name(), RunListener.UNCOUNTED);
                return processBatches(sweep, runId);
            }
            plan = sweep.plan(sampleSize);
            Optional<String> refusal = refusal(plan, policy.limits());
            if (refusal.isPresent()) {
                warnings.add(refusal.get());
                return report(RunStatus.REFUSED, plan.matched(), null);
            }
            if (mode == RunMode.DRY_RUN) {
                return report(RunStatus.OK, 0, null);
            }
            listener.planned(policy.name(), plan.matched());
            return processBatches(sweep, runId);
        }
    }

    /** The items the plan counted, or {@link RunListener#UNCOUNTED} when the run skipped the count. */
    private long planned() {
        return plan == null ? RunListener.UNCOUNTED : plan.matched();
    }

    private RunReport processBatches(Sweep sweep, long runId) {
        Optional<Duration> timeout = policy.limits().timeout();
        Instant deadline = timeout.map(startedAt::plus).orElse(Instant.MAX);
        while (true) {
            Optional<RunControl.Stop> stop = control.stop();
            if (stop.isPresent()) {
                // Told to stop: no more work on the store, not even a count of what is left.
                String left = plan == null ? "the matched items left were not counted"
                        : "about " + plannedBacklog() + " matched items left for the next run";
                warnings.add(stop.get().reason() + " after " + tally.processed + " items; " + left);
                return report(stop.get().status(), plan == null ? 0 : plannedBacklog(), null);
            }
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                long backlog = plan == null ? countLeft(sweep) : plannedBacklog();
                warnings.add("timeout " + format(timeout.get()) + " reached after " + tally.processed + " items; about "
                        + backlog + " matched items left for the next run");
                return report(RunStatus.PARTIAL, backlog, null);
            }
            Optional<BatchResult> batch = sweep.nextBatch(policy.limits().batchSize());
            if (batch.isEmpty()) {
                break;
            }
            tally.add(batch.get());
            heartbeat(runId, now);
            listener.progressed(policy.name(), tally.processed, tally.failed, planned());
        }
        if (tally.failed > 0) {
            warnings.add(tally.failed + " items failed and were skipped: " + String.join("; ", tally.errors));
            return report(RunStatus.PARTIAL, 0, null);
        }
        return report(RunStatus.OK, 0, null);
    }

    private long plannedBacklog() {
        return Math.max(0, plan.matched() - tally.processed - tally.failed);
    }

    /**
     * Counts the items still matching after a run that skipped its count stopped early: the backlog an operator
     * alerts on. A failure to count is a warning, not a failure of the run, whose batches are done.
     */
    private long countLeft(Sweep sweep) {
        try {
            return sweep.plan(0).matched();
        } catch (RuntimeException e) {
            warnings.add("the matched items left could not be counted: " + e.getMessage());
            return 0;
        }
    }

    /**
     * Reads the live inventory of an orphan sweep, or refuses the run (empty result, warning added) when the
     * source fails or lists fewer owners than the floor: an empty inventory must never mean "everything is
     * an orphan".
     */
    private Optional<LiveOwners> inventory(Orphans orphans) {
        LiveOwners live;
        try {
            live = stores.get(orphans.live().store()).liveOwners(orphans.live());
        } catch (RuntimeException e) {
            warnings.add("refused: the live source (" + orphans.live().describe() + ") failed: " + e.getMessage()
                    + "; nothing was changed");
            return Optional.empty();
        }
        if (live.size() < orphans.minLive()) {
            warnings.add("refused: the live source (" + orphans.live().describe() + ") lists " + live.size()
                    + " owners, below minLive " + orphans.minLive() + "; nothing was changed");
            return Optional.empty();
        }
        return Optional.of(live);
    }

    /** Records a heartbeat when the last one is older than the interval; {@code now} is the loop's reading. */
    private void heartbeat(long runId, Instant now) {
        if (lastHeartbeat == null || !now.isBefore(lastHeartbeat.plus(HEARTBEAT_INTERVAL))) {
            history.heartbeat(runId);
            lastHeartbeat = now;
        }
    }

    /** Why the plan must not be executed, if it must not. */
    static Optional<String> refusal(SweepPlan plan, Limits limits) {
        if (limits.maxItems().isPresent() && plan.matched() > limits.maxItems().getAsLong()) {
            return Optional.of("refused: " + plan.matched() + " items match, above limits.maxItems "
                    + limits.maxItems().getAsLong() + "; nothing was changed (raise limits.maxItems to allow it)");
        }
        if (plan.fraction() > limits.maxFraction()) {
            return Optional.of(String.format(java.util.Locale.ROOT,
                    "refused: %d of %d items match (%.1f%%), above limits.maxFraction %s; nothing was changed"
                            + " (raise limits.maxFraction to allow it)",
                    plan.matched(), plan.total(), plan.fraction() * 100, limits.maxFraction()));
        }
        return Optional.empty();
    }

    private RunReport report(RunStatus status, long backlog, String error) {
        boolean dryRun = mode == RunMode.DRY_RUN;
        // Without a count, what matched is what the batches found matching, plus what a timeout left.
        long matched = plan == null ? tally.processed + tally.failed + backlog : plan.matched();
        Map<String, Long> outcomes = dryRun && plan != null ? plan.outcomes() : tally.outcomes;
        Action action = policy.action();
        long processed = tally.processed;
        PlanSummary summary = plan == null || (!dryRun && status != RunStatus.REFUSED) ? null
                : new PlanSummary(plan.total(), plan.fraction(), plan.sampleKeys(),
                        plan.estimatedBytes().isPresent() ? plan.estimatedBytes().getAsLong() : null, plan.statements());
        if (error != null) {
            warnings.add(error);
        }
        return new RunReport(policy.name(), status, dryRun, matched,
                action instanceof Action.Delete ? processed : 0,
                action instanceof Action.Update ? processed : 0,
                tally.failed, outcomes, tally.bytesFreed, tally.dataLoss, warnings, startedAt,
                Duration.between(startedAt, clock.instant()).toMillis(), null, policy.store(),
                now == null ? null : now.instant(),
                action instanceof Action.MoveTo ? processed : 0,
                tally.cascaded, backlog, error, summary);
    }

    private String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // Stores usually name the policy themselves; say it once.
        String name = "policy '" + policy.name() + "'";
        return message.contains(name) ? message : name + ": " + message;
    }

    private static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
