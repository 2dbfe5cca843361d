package dev.lethe.redis;

import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.Sweep;
import dev.lethe.core.store.SweepPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sweep over the keys of a Redis store.
 *
 * <p>Design note. The walk is {@code SCAN} with the selection's pattern as {@code MATCH} (and its type as
 * {@code TYPE}), one cursor per master, the masters walked in turn ({@link KeyScan}); {@code KEYS}, which
 * holds the server for as long as the whole keyspace takes, is never sent. A batch is built from as many
 * {@code SCAN} steps as it takes to gather {@code maxItems} matching keys ({@link MatchingKeys}: the
 * client-side filters of {@link KeyFilter} — {@code exclude} globs; for orphan sweeps, owners absent from the
 * live snapshot — then the server-side filters, asked read-only) and no more: keys of the last step beyond
 * that wait in a small queue for the next batch, so memory is bounded by the batch size plus one step. Right
 * before removal an orphan batch asks the live source again about its owners, so an owner that became live
 * during the run is spared. Removal is pipelined ({@link KeyRemoval}):
 * plain {@code UNLINK} in groups, or, when the selection has server-side filters ({@code type},
 * {@code withoutTtl}, {@code idleLongerThan}), a script that re-checks each key and unlinks it in one atomic
 * step ({@link KeyChecks}), so a key touched since the walk saw it survives. {@code SCAN} may return a key
 * twice; a batch de-duplicates its own keys and counts what the server reports as removed, so a repeat in a
 * later batch counts zero. A batch stops gathering after {@value #MAX_STEPS} steps even when short of
 * candidates, so the engine regains control (timeouts, stop requests) on a sparse keyspace.
 *
 * <p>Cost: an executing run whose limits leave no guard that could refuse it (no {@code maxItems},
 * {@code maxFraction} 1.0) walks the keyspace once: the engine skips the plan and goes straight to the batches.
 * A guarded run walks it twice, once to count ({@link KeyPlanner}: the guards need the count before any change)
 * and once to sweep; a plan or a dry run walks it once, to count. Each step holds the server for about
 * {@code COUNT} keys' worth of work (about 0.7 ms at the default 1000 on Redis 7.0, where {@code SCAN} spends
 * about three times what {@code KEYS} spends per key), so no single command blocks other clients for long, but
 * a whole run costs more server time than one blocking {@code KEYS}: that is the price of never blocking. The
 * walk runs ahead of the batches ({@link KeyScan}) so that the server always has a {@code SCAN} or an
 * {@code UNLINK} to work on while the run waits for a batch's replies.
 *
 * <p>Outcome labels come from the key's name ({@link KeyOutcomes}). Bytes freed are not measured
 * ({@code MEMORY USAGE} is a round trip per key); the plan estimates bytes from a sample instead
 * ({@link KeyPlanner}).
 */
final class KeySweep implements Sweep {

    static final int MAX_STEPS = 100;

    private final PreparedSelection prepared;
    private final KeyFilter filter;
    private final KeyRemoval removal;
    private final Deque<String> pending = new ArrayDeque<>();
    private MatchingKeys scan;

    KeySweep(PreparedSelection prepared) {
        this.prepared = prepared;
        this.filter = prepared.filter();
        this.removal = prepared.removal();
    }

    @Override
    public SweepPlan plan(int sampleSize) {
        return new KeyPlanner(prepared).plan(sampleSize);
    }

    @Override
    public Optional<BatchResult> nextBatch(int maxItems) {
        if (scan == null) {
            scan = prepared.walk();
        }
        Set<String> candidates = new LinkedHashSet<>();
        int steps = 0;
        while (candidates.size() < maxItems) {
            if (pending.isEmpty()) {
                if (scan.exhausted() || steps++ == MAX_STEPS) {
                    break;
                }
                pending.addAll(scan.next());
                continue;
            }
            candidates.add(pending.poll());
        }
        if (candidates.isEmpty() && pending.isEmpty() && scan.exhausted()) {
            return Optional.empty();
        }
        List<String> keys = filter.withoutRevived(candidates);
        return Optional.of(keys.isEmpty() ? BatchResult.of(0) : removal.remove(keys));
    }

    @Override
    public void close() {
        pending.clear();
    }
}
