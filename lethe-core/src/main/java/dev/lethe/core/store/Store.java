package dev.lethe.core.store;

import dev.lethe.core.policy.LiveSource;
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

    /**
     * Prepares an orphan sweep: like {@link #prepare(Policy, ReferenceTime)}, with the live owners the engine
     * read (and checked against the policy's floor) before any change. Stores that support orphan sweeps
     * override this; the default accepts only policies that are not orphan sweeps.
     */
    default Sweep prepare(Policy policy, ReferenceTime now, LiveOwners live) {
        if (policy.selection().orphanRule().isPresent()) {
            throw new PolicyRejectedException("policy '" + policy.name() + "': store '" + name()
                    + "' does not support orphan sweeps");
        }
        return prepare(policy, now);
    }

    /**
     * Reads the live owners listed by {@code source} (a query on a SQL store, a set on a key-value store).
     *
     * @throws PolicyRejectedException when this store cannot answer that kind of source
     * @throws StoreException when reading fails
     */
    default LiveOwners liveOwners(LiveSource source) {
        throw new PolicyRejectedException("store '" + name() + "' cannot list live owners (" + source.describe() + ")");
    }

    @Override
    void close();
}
