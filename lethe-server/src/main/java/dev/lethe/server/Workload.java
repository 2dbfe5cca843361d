package dev.lethe.server;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.owner.OwnerKind;
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
 * @param owners   the owner kinds {@code POST /api/owners/{kind}/{id}/collect} can collect
 */
public record Workload(List<Policy> policies, Engine engine, AutoCloseable retire, List<OwnerKind> owners) {

    public Workload {
        policies = List.copyOf(policies);
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(retire, "retire");
        owners = List.copyOf(owners);
    }

    /** A workload without owner kinds. */
    public Workload(List<Policy> policies, Engine engine, AutoCloseable retire) {
        this(policies, engine, retire, List.of());
    }

    /** Policies run by an engine the caller keeps and closes itself. */
    public static Workload of(List<Policy> policies, Engine engine) {
        return new Workload(policies, engine, () -> { });
    }
}
