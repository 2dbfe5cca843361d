package dev.lethe.core.engine;

import dev.lethe.core.history.InMemoryRunHistory;
import dev.lethe.core.history.RunHistory;
import dev.lethe.core.owner.CollectReport;
import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs policies. The library entry point, also used by the CLI and the daemon.
 *
 * <pre>{@code
 * try (Engine engine = Engine.builder()
 *         .stores(new StoreRegistry().add(new StoreSpec("app", "postgres", Map.of("url", url))))
 *         .build()) {
 *     RunReport report = engine.run(policy, RunMode.EXECUTE);
 * }
 * }</pre>
 *
 * <p>A run never throws for a problem of its policy or store: the problem becomes a report with status
 * {@code failed}, so one bad policy never stops the others in {@link #runAll}.
 */
public final class Engine implements AutoCloseable {

    private final StoreRegistry stores;
    private final RunHistory history;
    private final Clock clock;
    private final RunListener listener;
    private final int sampleSize;

    private Engine(Builder builder) {
        this.stores = Objects.requireNonNull(builder.stores, "stores");
        this.history = builder.history;
        this.clock = builder.clock;
        this.listener = builder.listener;
        this.sampleSize = builder.sampleSize;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs one policy once and returns its report (recorded in history). */
    public RunReport run(Policy policy, RunMode mode) {
        return run(policy, mode, RunControl.NONE);
    }

    /** Runs one policy once; {@code control} may stop it cleanly between batches. */
    public RunReport run(Policy policy, RunMode mode, RunControl control) {
        return new RunExecution(policy, mode, stores, history, clock, listener, sampleSize, control).execute();
    }

    /** Runs each policy in order; a failure of one is reported and the others still run. */
    public List<RunReport> runAll(List<Policy> policies, RunMode mode) {
        List<RunReport> reports = new ArrayList<>(policies.size());
        for (Policy policy : policies) {
            reports.add(run(policy, mode));
        }
        return reports;
    }

    /**
     * Removes one owner's items from every store its kind lists ({@code lethe collect}): one run per member,
     * in order, each recorded in history like any run. A member that fails is reported and the others still run.
     */
    public CollectReport collect(OwnerKind kind, String ownerId) {
        return collect(kind, ownerId, RunMode.EXECUTE);
    }

    /** Like {@link #collect(OwnerKind, String)}; {@link RunMode#DRY_RUN} only plans each member. */
    public CollectReport collect(OwnerKind kind, String ownerId, RunMode mode) {
        List<RunReport> reports = new ArrayList<>(kind.members().size());
        for (Policy policy : kind.policiesFor(ownerId)) {
            reports.add(run(policy, mode));
        }
        return CollectReport.of(kind.name(), ownerId, reports);
    }

    /** The history this engine records into. */
    public RunHistory history() {
        return history;
    }

    /** Closes the stores and the history. */
    @Override
    public void close() {
        try {
            stores.close();
        } finally {
            history.close();
        }
    }

    /** Configures an {@link Engine}; only the stores are required. */
    public static final class Builder {
        private StoreRegistry stores;
        private RunHistory history = new InMemoryRunHistory();
        private Clock clock = Clock.systemUTC();
        private RunListener listener = RunListener.NONE;
        private int sampleSize = 10;

        private Builder() {
        }

        public Builder stores(StoreRegistry registry) {
            this.stores = registry;
            return this;
        }

        /** Where runs are recorded; defaults to memory. */
        public Builder history(RunHistory runHistory) {
            this.history = Objects.requireNonNull(runHistory, "history");
            return this;
        }

        /** The engine's own clock, for start times and timeouts (cutoffs always use the store's clock). */
        public Builder clock(Clock engineClock) {
            this.clock = Objects.requireNonNull(engineClock, "clock");
            return this;
        }

        public Builder listener(RunListener runListener) {
            this.listener = Objects.requireNonNull(runListener, "listener");
            return this;
        }

        /** How many matched keys a plan shows; defaults to 10. */
        public Builder sampleSize(int size) {
            if (size < 0) {
                throw new IllegalArgumentException("sampleSize must not be negative, was " + size);
            }
            this.sampleSize = size;
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }
}
