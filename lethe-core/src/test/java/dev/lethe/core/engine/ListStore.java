package dev.lethe.core.engine;

import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Orphans;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Selection;
import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.LiveOwners;
import dev.lethe.core.store.PolicyRejectedException;
import dev.lethe.core.store.ReferenceTime;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.Sweep;
import dev.lethe.core.store.SweepPlan;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

    /** Items whose value, as an owner id, is not live; the live owners come from {@link #live}. */
    record OrphanSelection(Orphans rule) implements Selection {
        @Override
        public String describe() {
            return "orphan values";
        }

        @Override
        public Optional<Orphans> orphanRule() {
            return Optional.of(rule);
        }
    }

    final TreeMap<Integer, Integer> items = new TreeMap<>();
    Set<String> live = Set.of();
    boolean liveSourceDown;
    final Instant clock;
    boolean down;
    int batches;
    int plans;

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
    public LiveOwners liveOwners(LiveSource source) {
        if (liveSourceDown) {
            throw new StoreException("live source unreachable");
        }
        Set<String> snapshot = Set.copyOf(live);
        return new LiveOwners() {
            @Override
            public int size() {
                return snapshot.size();
            }

            @Override
            public boolean contains(String owner) {
                return snapshot.contains(owner);
            }

            @Override
            public Set<String> recheck(Collection<String> candidates) {
                return candidates.stream().filter(live::contains).collect(Collectors.toSet());
            }
        };
    }

    @Override
    public Sweep prepare(Policy policy, ReferenceTime now, LiveOwners liveOwners) {
        if (policy.selection() instanceof OrphanSelection) {
            Policy byValue = Policy.builder(policy.name()).store(policy.store()).limits(policy.limits())
                    .selection(new ValueSelection(v -> !liveOwners.contains(String.valueOf(v)), v -> false)).build();
            return prepare(byValue, now);
        }
        return Store.super.prepare(policy, now, liveOwners);
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
                plans++;
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
