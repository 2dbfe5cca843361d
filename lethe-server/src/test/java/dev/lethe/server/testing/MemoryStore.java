package dev.lethe.server.testing;

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
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * A hand-written store over a set of integers, for testing the daemon's own logic. Tests can hold batches at a
 * gate (each batch waits for a permit), take the store down, and count batches. Real stores are tested by
 * their modules' contract suites and by the process tests against PostgreSQL and SQLite.
 */
public final class MemoryStore implements Store {

    /** Matches the integers the predicate accepts. */
    public record Matching(IntPredicate matches) implements Selection {
        @Override
        public String describe() {
            return "integers";
        }
    }

    private final String name;
    private final ConcurrentSkipListSet<Integer> items = new ConcurrentSkipListSet<>();
    private final AtomicInteger batches = new AtomicInteger();
    private volatile Semaphore gate;
    private volatile boolean down;

    public MemoryStore(String name, int count) {
        this.name = name;
        refill(count);
    }

    /** Puts 1..count back. */
    public void refill(int count) {
        for (int i = 1; i <= count; i++) {
            items.add(i);
        }
    }

    /** From now on every batch waits for a permit of the returned gate. */
    public Semaphore gateBatches() {
        gate = new Semaphore(0);
        return gate;
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    public int size() {
        return items.size();
    }

    public int batches() {
        return batches.get();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ReferenceTime referenceTime() {
        failIfDown();
        Instant now = Instant.now();
        return new ReferenceTime(now, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
    }

    @Override
    public Sweep prepare(Policy policy, ReferenceTime now) {
        if (!(policy.selection() instanceof Matching matching)) {
            throw new PolicyRejectedException("policy '" + policy.name() + "': not an integer selection");
        }
        return new Sweep() {
            private int cursor;

            @Override
            public SweepPlan plan(int sampleSize) {
                failIfDown();
                List<Integer> matched = items.stream().filter(matching.matches()::test).toList();
                return new SweepPlan(matched.size(), items.size(), Map.of(),
                        matched.stream().limit(sampleSize).map(String::valueOf).toList(), OptionalLong.empty(),
                        List.of("remove integers"));
            }

            @Override
            public Optional<BatchResult> nextBatch(int maxItems) {
                awaitGate();
                failIfDown();
                List<Integer> keys = items.tailSet(cursor, false).stream().filter(matching.matches()::test)
                        .limit(maxItems).toList();
                if (keys.isEmpty()) {
                    return Optional.empty();
                }
                batches.incrementAndGet();
                items.removeAll(keys);
                cursor = keys.get(keys.size() - 1);
                return Optional.of(BatchResult.of(keys.size()));
            }

            @Override
            public void close() {
            }
        };
    }

    private void awaitGate() {
        Semaphore current = gate;
        if (current == null) {
            return;
        }
        try {
            if (!current.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new StoreException("store '" + name + "': test gate not opened within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("store '" + name + "': interrupted at the test gate");
        }
    }

    private void failIfDown() {
        if (down) {
            throw new StoreException("store '" + name + "' is unreachable");
        }
    }

    @Override
    public void close() {
    }
}
