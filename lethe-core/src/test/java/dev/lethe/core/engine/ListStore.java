package dev.lethe.core.engine;

import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Selection;
import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.PolicyRejectedException;
import dev.lethe.core.store.ReferenceTime;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.Sweep;
import dev.lethe.core.store.SweepPlan;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.IntPredicate;

/**
 * A hand-written store over a sorted map of integers, for testing the engine's own logic (guards, dry run,
 * timeouts, failure isolation). Store behaviour against real systems is tested by the contract suite.
 */
final class ListStore implements Store {

    /** Matches items whose value satisfies the predicate; values in {@code failing} fail when processed. */
    record ValueSelection(IntPredicate matches, IntPredicate failing) implements Selection {
        @Override
        public String describe() {
            return "values";
        }
    }

    final TreeMap<Integer, Integer> items = new TreeMap<>();
    final Instant clock;
    boolean down;
    int batches;

    ListStore(int count, Instant clock) {
        for (int i = 1; i <= count; i++) {
            items.put(i, i);
        }
        this.clock = clock;
    }

    @Override
    public String name() {
        return "list";
    }

    @Override
    public ReferenceTime referenceTime() {
        if (down) {
            throw new StoreException("store 'list' is unreachable");
        }
        return new ReferenceTime(clock, LocalDateTime.ofInstant(clock, ZoneOffset.UTC));
    }

    @Override
    public Sweep prepare(Policy policy, ReferenceTime now) {
        if (!(policy.selection() instanceof ValueSelection selection)) {
            throw new PolicyRejectedException("policy '" + policy.name() + "': not a value selection");
        }
        return new Sweep() {
            int cursor = 0;

            @Override
            public SweepPlan plan(int sampleSize) {
                List<Integer> matched = items.values().stream().filter(selection.matches()::test).toList();
                return new SweepPlan(matched.size(), items.size(), Map.of(),
                        matched.stream().limit(sampleSize).map(String::valueOf).toList(), OptionalLong.empty(),
                        List.of("remove values"));
            }

            @Override
            public Optional<BatchResult> nextBatch(int maxItems) {
                List<Integer> keys = items.tailMap(cursor, false).entrySet().stream()
                        .filter(e -> selection.matches().test(e.getValue()))
                        .limit(maxItems).map(Map.Entry::getKey).toList();
                if (keys.isEmpty()) {
                    return Optional.empty();
                }
                batches++;
                long failed = 0;
                for (int key : keys) {
                    if (selection.failing().test(items.get(key))) {
                        failed++;
                    } else {
                        items.remove(key);
                    }
                }
                cursor = keys.get(keys.size() - 1);
                return Optional.of(new BatchResult(keys.size() - failed, Map.of(), failed, 0, Map.of(), List.of(),
                        failed > 0 ? List.of("value refused") : List.of()));
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void close() {
    }
}
