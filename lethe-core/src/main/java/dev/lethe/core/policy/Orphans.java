package dev.lethe.core.policy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An orphan sweep: each item's owner id is extracted with {@code owner} (named group {@code owner}); items
 * whose owner is not in the {@code live} inventory are removed.
 *
 * <p>{@code minLive} is an inventory floor. The classic orphan-sweep disaster is a live source that comes back
 * empty (a failed query, a wrong database, a flushed set) and the sweep deleting everything; the engine
 * refuses the run, changing nothing, when the inventory has fewer than {@code minLive} owners or cannot be read.
 *
 * @param owner   regex with a named group {@code owner}, applied to each item's key
 * @param live    where the live owners are listed
 * @param minLive refuse the sweep if fewer live owners than this come back (at least 1)
 */
public record Orphans(Pattern owner, LiveSource live, int minLive) {

    public Orphans {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(live, "live");
        if (!owner.pattern().contains("(?<owner>")) {
            throw new IllegalArgumentException("owner regex '" + owner.pattern() + "' needs a named group (?<owner>...)");
        }
        if (minLive < 1) {
            throw new IllegalArgumentException("minLive must be at least 1 (0 would let an empty inventory delete"
                    + " everything), was " + minLive);
        }
    }
}
