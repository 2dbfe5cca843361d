package dev.lethe.server.internal;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.policy.Policy;
import dev.lethe.server.Workload;
import dev.lethe.server.schedule.Timetable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded {@link Workload} with the timetables of its policies, validated as a whole before the daemon
 * uses it. A reload replaces the current generation; the old one is retired once the last run that started
 * with it has finished, so a run never loses its stores under its feet.
 */
public final class Generation {

    private static final Logger LOG = LoggerFactory.getLogger(Generation.class);

    private final Workload workload;
    private final Map<String, Timetable> timetables;
    private int users = 1;

    private Generation(Workload workload, Map<String, Timetable> timetables) {
        this.workload = workload;
        this.timetables = timetables;
    }

    /**
     * Validates {@code workload}: unique policy names and schedules that can fire.
     *
     * @throws IllegalArgumentException naming the policy at fault
     */
    public static Generation of(Workload workload, RandomGenerator random) {
        Map<String, Timetable> timetables = new HashMap<>();
        Map<String, Policy> seen = new HashMap<>();
        for (Policy policy : workload.policies()) {
            if (seen.put(policy.name(), policy) != null) {
                throw new IllegalArgumentException("policy '" + policy.name() + "' is defined twice");
            }
            if (policy.schedule().isPresent()) {
                try {
                    timetables.put(policy.name(), Timetable.of(policy.schedule().get(), random));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("policy '" + policy.name() + "': schedule: " + e.getMessage(), e);
                }
            }
        }
        return new Generation(workload, Map.copyOf(timetables));
    }

    public List<Policy> policies() {
        return workload.policies();
    }

    public Engine engine() {
        return workload.engine();
    }

    /** The owner kind named {@code kind}, if the workload defines one. */
    public Optional<OwnerKind> owner(String kind) {
        return workload.owners().stream().filter(owner -> owner.name().equals(kind)).findFirst();
    }

    /** The policy's timetable, or empty when it runs on manual triggers only. */
    public Optional<Timetable> timetable(String policy) {
        return Optional.ofNullable(timetables.get(policy));
    }

    /** A run starts using this generation. */
    synchronized void retain() {
        users++;
    }

    /** A run that used this generation finished. */
    void release() {
        boolean last;
        synchronized (this) {
            last = --users == 0;
        }
        if (last) {
            try {
                workload.retire().close();
            } catch (Exception e) {
                // The generation is gone either way; a store that fails to close must not stop the daemon.
                LOG.warn("closing a retired config failed: {}", e.toString());
            }
        }
    }

    /** The daemon stopped using this generation; it is closed once its last run has finished. */
    void retire() {
        release();
    }
}
