package dev.lethe.redis.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.lease.Lease;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Leases in the shared Redis on 6379, under a private hash-tagged prefix; two stores stand for two daemons. */
class RedisLeaseStoreTest {

    static final String URL = "redis://127.0.0.1:6379";
    static final Duration LONG = Duration.ofMinutes(1);
    static final Duration SHORT = Duration.ofMillis(300);

    private final String prefix = "{lethe-test-" + UUID.randomUUID() + "}:";
    private RedisLeaseStore a;
    private RedisLeaseStore b;

    @BeforeEach
    void openTwoInstances() {
        a = new RedisLeaseStore(URL, prefix);
        b = new RedisLeaseStore(URL, prefix);
    }

    @AfterEach
    void closeInstances() {
        StateTestKeys.deleteAll(URL, prefix);
        a.close();
        b.close();
    }

    @Test
    void aFreeLeaseIsTakenWithFencingOneAndAnExpiryOnTheServerClock() {
        Instant before = Instant.now();
        Lease lease = a.tryAcquire("policy:p", "a", LONG).orElseThrow();

        assertThat(lease.owner()).isEqualTo("a");
        assertThat(lease.fencing()).isEqualTo(1);
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

        Lease taken = waitFor(() -> b.tryAcquire("policy:p", "b", LONG));

        assertThat(taken.fencing()).isEqualTo(stale.fencing() + 1);
        assertThat(a.renew(stale, LONG)).isEmpty();
        a.release(stale);
        assertThat(a.holder("policy:p")).contains(taken);
    }

    @Test
    void anExpiredLeaseCannotBeRenewedEvenIfNobodyTookIt() {
        Lease lease = a.tryAcquire("policy:p", "a", SHORT).orElseThrow();
        waitFor(() -> a.holder("policy:p").isEmpty() ? Optional.of(true) : Optional.empty());

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
    void anOwnerWithSpacesIsStillOneOwner() {
        Lease lease = a.tryAcquire("policy:p", "host a:42 uuid", LONG).orElseThrow();

        assertThat(b.holder("policy:p")).contains(lease);
        assertThat(b.tryAcquire("policy:p", "host a:42", LONG)).isEmpty();
    }

    @Test
    void ofInstancesRacingForAFreeLeaseExactlyOneWins() throws Exception {
        int racers = 6;
        List<RedisLeaseStore> stores = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            stores.add(new RedisLeaseStore(URL, prefix));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 10; round++) {
                String name = "policy:race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Optional<Lease>>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    RedisLeaseStore store = stores.get(i);
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
            stores.forEach(RedisLeaseStore::close);
        }
    }

    static <T> T waitFor(Supplier<Optional<T>> attempt) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> result = attempt.get();
            if (result.isPresent()) {
                return result.get();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("condition not met within 10s");
    }
}
