package dev.lethe.redis;

import dev.lethe.core.policy.KeySelection;

/**
 * A key selection prepared for one run on one store: what its plan and its sweep share.
 *
 * @param store     the store's name, for messages
 * @param topology  the servers
 * @param selection the policy's selection
 * @param filter    exclude globs and, for orphan sweeps, the live snapshot
 * @param checks    the server-side filters
 * @param outcomes  the outcome labels
 * @param scanCount the {@code COUNT} of each {@code SCAN} step
 */
record PreparedSelection(String store, RedisTopology topology, KeySelection selection, KeyFilter filter,
                         KeyChecks checks, KeyOutcomes outcomes, int scanCount) {

    /** A new walk over the keys that match now. */
    MatchingKeys walk() {
        return new MatchingKeys(this);
    }

    /** Removal of this selection's keys. */
    KeyRemoval removal() {
        return new KeyRemoval(store, topology, checks, outcomes);
    }
}
