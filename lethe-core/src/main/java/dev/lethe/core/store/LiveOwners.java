package dev.lethe.core.store;

import java.util.Collection;
import java.util.Set;

/**
 * The live owners of an orphan sweep: a snapshot taken when the run starts, plus a way to ask the source
 * again about a few owners right before their items are removed — so an owner that became live during the
 * run is not swept.
 */
public interface LiveOwners {

    /** No inventory: the policy is not an orphan sweep. */
    LiveOwners NONE = new LiveOwners() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public boolean contains(String owner) {
            return false;
        }

        @Override
        public Set<String> recheck(Collection<String> candidates) {
            return Set.of();
        }
    };

    /** Owners in the snapshot. */
    int size();

    /** Whether the snapshot lists {@code owner}. */
    boolean contains(String owner);

    /** Of {@code candidates} (owners absent from the snapshot), those the source lists as live now. */
    Set<String> recheck(Collection<String> candidates);
}
