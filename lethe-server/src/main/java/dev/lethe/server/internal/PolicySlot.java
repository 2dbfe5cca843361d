package dev.lethe.server.internal;

import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.server.PolicyStatus;
import dev.lethe.server.schedule.Timetable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The scheduler's state of one policy. Every field is guarded by the scheduler's lock. */
final class PolicySlot {

    Policy policy;
    /** Null for a policy without a schedule: it runs on manual triggers only. */
    Timetable timetable;
    /** The next fire time; null when unscheduled. */
    Instant nextFire;
    /** A fire time passed or a trigger came, and the run has not started yet. At most one such run waits. */
    boolean due;
    boolean running;
    /** Callers waiting for the next run to start and finish. */
    final List<CompletableFuture<RunReport>> waiters = new ArrayList<>();
    RunReport lastReport;

    PolicySlot(Policy policy, Timetable timetable) {
        this.policy = policy;
        this.timetable = timetable;
    }

    /** Marks a fire time at or before {@code now} as due, and moves to the next one after {@code now}. */
    void fireIfDue(Instant now) {
        if (nextFire == null || now.isBefore(nextFire)) {
            return;
        }
        due = true;
        // Missed fire times (the daemon was busy or down) coalesce: one due run, then the next one after now.
        Instant next = timetable.nextAfter(nextFire);
        nextFire = next.isAfter(now) ? next : timetable.nextAfter(now);
    }

    /**
     * Sets the first fire time when the daemon starts, and marks the slot due for {@code atStartup} or for a fire
     * time missed since {@code lastRun} (the daemon was down). A recent last run keeps the cadence: the next fire
     * time follows it rather than now.
     *
     * @return whether a missed fire time made the slot due
     */
    boolean startAt(Instant now, Optional<Instant> lastRun) {
        if (timetable == null) {
            return false;
        }
        boolean missed = lastRun.isPresent() && !timetable.nominalNextAfter(lastRun.get()).isAfter(now);
        due = missed || policy.schedule().orElseThrow().atStartup();
        nextFire = lastRun.map(timetable::nextAfter).filter(t -> t.isAfter(now)).orElseGet(() -> timetable.nextAfter(now));
        return missed;
    }

    PolicyStatus status() {
        return new PolicyStatus(policy.name(), policy.store(), timetable == null ? null : timetable.describe(),
                nextFire, running, due, lastReport == null ? null : lastReport.runId(),
                lastReport == null ? null : lastReport.status(), lastReport == null ? null : lastReport.startedAt());
    }
}
