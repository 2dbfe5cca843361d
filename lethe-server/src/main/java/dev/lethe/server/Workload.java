package dev.lethe.server;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.policy.Policy;
import java.util.List;
import java.util.Objects;

/**
 * What a daemon runs: its policies and the engine that runs them (the engine holds the stores and the history).
 *
 * @param policies the policies, in the order written; names are unique
 * @param engine   runs the policies and records them
 * @param retire   called once no run uses this workload any more, after a reload replaced it or the daemon
 *                 stopped — closes what the workload owns (for a config file: its stores), or does nothing
 */
public record Workload(List<Policy> policies, Engine engine, AutoCloseable retire) {

    public Workload {
        policies = List.copyOf(policies);
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(retire, "retire");
    }

    /** Policies run by an engine the caller keeps and closes itself. */
    public static Workload of(List<Policy> policies, Engine engine) {
        return new Workload(policies, engine, () -> { });
    }
}
