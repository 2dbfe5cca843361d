package dev.lethe.core.store;

import dev.lethe.core.policy.Policy;

/**
 * A connection to a system that holds items. Implementations do native I/O only: set-based statements,
 * batched commands; never one round trip per item when the store can take a batch.
 */
public interface Store extends AutoCloseable {

    /** The store's name from the config. */
    String name();

    /**
     * Reads the current time from the store's own clock. The engine calls this once per run and freezes the
     * result: every cutoff of the run is computed from it.
     */
    ReferenceTime referenceTime();

    /**
     * Checks {@code policy} against the real store — tables, columns, the syntax of every statement the run
     * would execute — and returns a sweep positioned before the first item. Changes nothing.
     *
     * @throws PolicyRejectedException when the store rejects the policy, with the store's own message
     */
    Sweep prepare(Policy policy, ReferenceTime now);

    @Override
    void close();
}
