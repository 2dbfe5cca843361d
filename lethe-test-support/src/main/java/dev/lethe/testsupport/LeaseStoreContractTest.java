package dev.lethe.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.lease.Lease;
import dev.lethe.core.lease.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LeaseStore} must do, run against the real state store by each subclass: two instances
 * ({@code a} and {@code b}) stand for two daemons sharing that store. Expiry is judged by the store's clock,
 * which on this machine is close to the test's.
 */
public abstract class LeaseStoreContractTest {

    protected static final Duration LONG = Duration.ofMinutes(1);
    protected static final Duration SHORT = Duration.ofMillis(300);

    protected LeaseStore a;
    protected LeaseStore b;

    /** Opens one more instance on the same shared state store. */
    protected abstract LeaseStore openStore();

    /** Removes what the test left in the shared state store; called after both instances are closed. */
    protected void cleanUp() {
    }

    @BeforeEach
    protected void openTwoInstances() {
        a = openStore();
        b = openStore();
    }

    @AfterEach
    void closeInstances() {
        a.close();
        b.close();
        cleanUp();
    }

    @Test
    void aFreeLeaseIsTakenWithFencingOneAndAnExpiryOnTheStoreClock() {
        Instant before = Instant.now();
        Lease lease = a.tryAcquire("policy:p", "a", LONG).orElseThrow();

        assertThat(lease.name()).isEqualTo("policy:p");
        assertThat(lease.owner()).isEqualTo("a");
        assertThat(lease.fencing()).isEqualTo(1);
        // Same machine, so the database clock is close to ours.
        assertThat(lease.expiresAt()).isBetween(before.plus(LONG).minusSeconds(5), Instant.now().plus(LONG).plusSeconds(5));
        assertThat(b.holder("policy:p")).contains(lease);
    }

    @Test
    void aHeldLeaseIsRefusedToAnotherOwner() {
        a.tryAcquire("policy:p", "a", LONG).orElseThrow();

        assertThat(b.tryAcquire("policy:p", "b", LONG)).isEmpty();
        assertThat(b.tryAcquire("policy:other", "b", LONG)).isPresent();
    }

    @Test
    void renewExtendsTheLeaseOfItsHolder() {
        Lease lease = a.tryAcquire("policy:p", "a", SHORT).orElseThrow();

        Lease renewed = a.renew(lease, LONG).orElseThrow();

        assertThat(renewed.fencing()).isEqualTo(lease.fencing());
        assertThat(renewed.expiresAt()).isAfter(lease.expiresAt());
        sleepPast(SHORT);
        assertThat(b.tryAcquire("policy:p", "b", LONG)).isEmpty();
    }

    @Test
    void releaseLetsTheNextOwnerInWithAHigherFencingNumber() {
        Lease first = a.tryAcquire("policy:p", "a", LONG).orElseThrow();
        a.release(first);

        Lease second = b.tryAcquire("policy:p", "b", LONG).orElseThrow();

        assertThat(second.fencing()).isEqualTo(first.fencing() + 1);
        assertThat(a.renew(first, LONG)).as("a released lease cannot be renewed").isEmpty();
    }

    @Test
    void anExpiredLeaseIsTakenOverAndTheLoserCanNeitherRenewNorReleaseIt() {
        Lease stale = a.tryAcquire("policy:p", "a", SHORT).orElseThrow();

        Lease taken = waitFor(() -> b.tryAcquire("policy:p", "b", LONG), Duration.ofSeconds(10));

        assertThat(taken.fencing()).isEqualTo(stale.fencing() + 1);
        assertThat(a.renew(stale, LONG)).isEmpty();
        a.release(stale);
        assertThat(a.holder("policy:p")).contains(taken);
    }

    @Test
    void anExpiredLeaseCannotBeRenewedEvenIfNobodyTookIt() {
        Lease lease = a.tryAcquire("policy:p", "a", SHORT).orElseThrow();
        waitFor(() -> a.holder("policy:p").isEmpty() ? Optional.of(true) : Optional.empty(), Duration.ofSeconds(10));

        assertThat(a.renew(lease, LONG)).isEmpty();
    }

    @Test
    void theSameOwnerTakingItsLeaseAgainGetsANewFencingNumber() {
        Lease first = a.tryAcquire("policy:p", "a", LONG).orElseThrow();

        Lease again = a.tryAcquire("policy:p", "a", LONG).orElseThrow();

        assertThat(again.fencing()).isEqualTo(first.fencing() + 1);
        assertThat(a.renew(first, LONG)).isEmpty();
    }

    @Test
    void ofInstancesRacingForAFreeLeaseExactlyOneWins() throws Exception {
        int racers = 6;
        List<LeaseStore> stores = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            stores.add(openStore());
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 10; round++) {
                String name = "policy:race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<Lease>>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    LeaseStore store = stores.get(i);
                    String owner = "racer-" + i;
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.tryAcquire(name, owner, LONG);
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Optional<Lease>> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
                }
                assertThat(winners).as("winners of round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
            stores.forEach(LeaseStore::close);
        }
    }

    @Test
    void underContentionNoTwoHoldersOverlap() throws Exception {
        int workers = 4;
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        AtomicInteger holdings = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Callable<Void>> tasks = new ArrayList<>();
        List<LeaseStore> stores = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        for (int i = 0; i < workers; i++) {
            LeaseStore store = openStore();
            stores.add(store);
            String owner = "worker-" + i;
            tasks.add(() -> {
                while (System.nanoTime() < until) {
                    Optional<Lease> lease = store.tryAcquire("policy:fuzz", owner, LONG);
                    if (lease.isPresent()) {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        holdings.incrementAndGet();
                        Thread.sleep(2);
                        inside.decrementAndGet();
                        store.release(lease.get());
                    }
                }
                return null;
            });
        }
        try {
            for (Future<Void> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
            stores.forEach(LeaseStore::close);
        }
        assertThat(maxInside.get()).isEqualTo(1);
        assertThat(holdings.get()).isGreaterThan(workers);
        assertThat(a.tryAcquire("policy:fuzz", "a", LONG).orElseThrow().fencing()).isEqualTo(holdings.get() + 1L);
    }

    @Test
    void anOwnerWithSpacesIsStillOneOwner() {
        Lease lease = a.tryAcquire("policy:p", "host a:42 uuid", LONG).orElseThrow();

        assertThat(b.holder("policy:p")).contains(lease);
        assertThat(b.tryAcquire("policy:p", "host a:42", LONG)).isEmpty();
    }

    protected static <T> T waitFor(Supplier<Optional<T>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = condition.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            sleepPast(Duration.ofMillis(20));
        }
    }

    protected static void sleepPast(Duration duration) {
        try {
            Thread.sleep(duration.toMillis() + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
