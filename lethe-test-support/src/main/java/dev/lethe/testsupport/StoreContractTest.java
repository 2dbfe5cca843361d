package dev.lethe.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Selection;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.testsupport.StoreFixture.Item;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The behaviour every store must show, run against the real store through the real {@link Engine}. A store
 * module extends it, implements {@link #createFixture()}, and adds its own cases (see
 * {@code SqlStoreContractTest} for what SQL stores add). Each test gets a fresh fixture.
 */
public abstract class StoreContractTest {

    protected static final Duration OLD = Duration.ofHours(2);
    protected static final Duration YOUNG = Duration.ofMinutes(10);
    protected static final Duration HOUR = Duration.ofHours(1);

    protected StoreFixture fixture;

    /** A fixture over a fresh private namespace of the store under test. */
    protected abstract StoreFixture createFixture() throws Exception;

    @BeforeEach
    void openFixture() throws Exception {
        fixture = createFixture();
    }

    @AfterEach
    void closeFixture() {
        if (fixture != null) {
            fixture.close();
        }
    }

    // ---- helpers shared with store-specific suites

    /** Runs {@code policy} once through a new engine over a newly opened store. */
    protected RunReport run(Policy policy) {
        return run(policy, RunMode.EXECUTE, Clock.systemUTC(), RunListener.NONE);
    }

    protected RunReport run(Policy policy, RunMode mode, Clock clock, RunListener listener) {
        try (Engine engine = Engine.builder()
                .stores(new StoreRegistry(List.of()).add(fixture.openStore()))
                .clock(clock).listener(listener).sampleSize(3).build()) {
            return engine.run(policy, mode);
        }
    }

    /** A delete policy over {@code selection} that allows any fraction of the store. */
    protected Policy.Builder policy(Selection selection) {
        return Policy.builder("contract-" + getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))
                .store(fixture.storeName()).selection(selection).action(Action.delete())
                .limits(Limits.defaults().withMaxFraction(1.0));
    }

    protected static List<Item> items(long fromId, long toId, Duration age, String state) {
        return LongStream.rangeClosed(fromId, toId).mapToObj(id -> new Item(id, age, state)).toList();
    }

    protected static Set<Long> ids(long fromId, long toId) {
        return LongStream.rangeClosed(fromId, toId).boxed().collect(Collectors.toSet());
    }

    // ---- the contract

    @Test
    void deletesOnlyTheItemsOlderThanTheCutoff() {
        fixture.createItems(items(1, 10, OLD, null));
        fixture.createItems(items(11, 15, YOUNG, null));

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of())).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.matched()).isEqualTo(10);
        assertThat(report.processed()).isEqualTo(10);
        assertThat(report.failed()).isZero();
        assertThat(fixture.remainingIds()).isEqualTo(ids(11, 15));
    }

    @Test
    void countsEveryOutcomeExactlyAcrossBatches() {
        List<Item> items = new ArrayList<>();
        items.addAll(items(1, 4, OLD, "acked"));
        items.addAll(items(5, 7, OLD, "expired"));
        items.addAll(items(8, 9, OLD, "other"));
        items.addAll(items(10, 11, YOUNG, "acked"));
        fixture.createItems(items);

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of("acked", "expired")))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.processed()).isEqualTo(9);
        // Items matching no outcome are processed and counted in matched, under no label.
        assertThat(report.outcomes()).isEqualTo(Map.of("acked", 4L, "expired", 3L));
        assertThat(fixture.remainingIds()).isEqualTo(ids(10, 11));
    }

    @ParameterizedTest(name = "maxItems set: {0}")
    @CsvSource({"true", "false"})
    void countsBeforeTheFirstBatchOnlyWhenAGuardNeedsTheCount(boolean guarded) {
        fixture.createItems(items(1, 10, OLD, null));
        fixture.createItems(items(11, 15, YOUNG, null));
        List<Long> planned = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void planned(String policy, long matched) {
                planned.add(matched);
            }
        };
        Limits limits = Limits.defaults().withMaxFraction(1.0).withBatchSize(3);

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of()))
                .limits(guarded ? limits.withMaxItems(100) : limits).build(),
                RunMode.EXECUTE, Clock.systemUTC(), listener);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(planned).containsExactly(guarded ? 10L : RunListener.UNCOUNTED);
        assertThat(report.matched()).isEqualTo(10);
        assertThat(report.processed()).isEqualTo(10);
        assertThat(fixture.remainingIds()).isEqualTo(ids(11, 15));
    }

    @Test
    void refusesARunAboveMaxItemsAndChangesNothing() {
        fixture.createItems(items(1, 10, OLD, null));

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of()))
                .limits(Limits.defaults().withMaxFraction(1.0).withMaxItems(5)).build());

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.matched()).isEqualTo(10);
        assertThat(report.processed()).isZero();
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("maxItems"));
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 10));
    }

    @Test
    void refusesARunAboveMaxFractionAndChangesNothing() {
        fixture.createItems(items(1, 8, OLD, null));
        fixture.createItems(items(9, 10, YOUNG, null));

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of()))
                .limits(Limits.defaults().withMaxFraction(0.5)).build());

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.plan().total()).isEqualTo(10);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("maxFraction"));
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 10));
    }

    @Test
    void dryRunReportsThePlanAndChangesNothing() {
        fixture.createItems(items(1, 4, OLD, "acked"));
        fixture.createItems(items(5, 6, OLD, "expired"));
        fixture.createItems(items(7, 10, YOUNG, "acked"));

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of("acked", "expired"))).build(),
                RunMode.DRY_RUN, Clock.systemUTC(), RunListener.NONE);

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.matched()).isEqualTo(6);
        assertThat(report.processed()).isZero();
        assertThat(report.outcomes()).isEqualTo(Map.of("acked", 4L, "expired", 2L));
        assertThat(report.plan().total()).isEqualTo(10);
        assertThat(report.plan().fraction()).isEqualTo(0.6);
        assertThat(report.plan().sampleKeys()).containsExactly(fixture.keyOf(1), fixture.keyOf(2), fixture.keyOf(3));
        assertThat(report.plan().statements()).isNotEmpty();
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 10));
    }

    @ParameterizedTest(name = "counted first: {0}")
    @CsvSource({"true", "false"})
    void timeoutStopsBetweenBatchesAndReportsTheBacklog(boolean counted) {
        fixture.createItems(items(1, 30, OLD, null));
        // Every reading of the engine's clock moves it 10 s: the 25 s budget runs out after a couple of batches.
        ManualClock clock = ManualClock.at("2030-01-01T00:00:00Z").autoAdvance(Duration.ofSeconds(10));
        // With maxItems the backlog comes from the plan's count; without, from a count once the timeout stopped it.
        Limits limits = Limits.defaults().withMaxFraction(1.0).withBatchSize(5).withTimeout(Duration.ofSeconds(25));

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of()))
                .limits(counted ? limits.withMaxItems(1000) : limits)
                .build(), RunMode.EXECUTE, clock, RunListener.NONE);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.processed()).isPositive().isLessThan(30).isEqualTo(report.processed() / 5 * 5);
        assertThat(report.backlog()).isEqualTo(30 - report.processed());
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("timeout"));
        assertThat(fixture.remainingIds()).hasSize((int) (30 - report.processed()));
    }

    @ParameterizedTest(name = "{0} matching items, batch size {1}")
    @CsvSource({"5, 5", "4, 5", "6, 5", "10, 5", "11, 5", "7, 1", "1, 1", "0, 3", "3, 1000"})
    void batchesCoverEveryMatchingItemExactlyOnceAtBatchEdges(int matching, int batchSize) {
        // Matching and young items interleave, so every batch range also holds items it must leave alone.
        List<Item> items = new ArrayList<>();
        for (int i = 1; i <= matching; i++) {
            items.add(Item.aged(2L * i, OLD));
            items.add(Item.aged(2L * i + 1, YOUNG));
        }
        items.add(Item.aged(1, YOUNG));
        fixture.createItems(items);
        List<Long> batchSizes = new CopyOnWriteArrayList<>();
        RunListener listener = new RunListener() {
            private long before;

            @Override
            public void progressed(String policy, long processed, long failed, long matched) {
                batchSizes.add(processed - before);
                before = processed;
            }
        };

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of()))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(batchSize)).build(),
                RunMode.EXECUTE, Clock.systemUTC(), listener);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.processed()).isEqualTo(matching);
        assertThat(batchSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(batchSize));
        assertThat(batchSizes.stream().filter(size -> size > 0).count())
                .isEqualTo((matching + batchSize - 1) / batchSize);
        Set<Long> young = LongStream.rangeClosed(0, matching).map(i -> 2 * i + 1).boxed().collect(Collectors.toSet());
        assertThat(fixture.remainingIds()).isEqualTo(young);
    }

    @Test
    void walksGapsInTheKeySpace() {
        long[] old = {2, 3, 10, 11, 100, 1000, 1001, 5000, 70000};
        long[] young = {1, 4, 12, 999, 5001, 80000};
        LongStream.of(old).forEach(id -> fixture.createItems(List.of(Item.aged(id, OLD))));
        LongStream.of(young).forEach(id -> fixture.createItems(List.of(Item.aged(id, YOUNG))));

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of()))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build());

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.processed()).isEqualTo(old.length);
        assertThat(fixture.remainingIds()).isEqualTo(LongStream.of(young).boxed().collect(Collectors.toSet()));
    }

    @Test
    void leavesAnItemThatStoppedMatchingAfterThePlan() {
        fixture.createItems(items(1, 10, OLD, null));
        RunListener listener = new RunListener() {
            @Override
            public void planned(String policy, long matched) {
                fixture.makeYoung(3);
                fixture.makeYoung(7);
            }
        };

        // maxItems makes the run count before its first batch, so there is a plan for the items to leave.
        RunReport report = run(policy(fixture.olderThan(HOUR, List.of()))
                .limits(Limits.defaults().withMaxFraction(1.0).withMaxItems(100).withBatchSize(4)).build(),
                RunMode.EXECUTE, Clock.systemUTC(), listener);

        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.matched()).isEqualTo(10);
        assertThat(report.processed()).isEqualTo(8);
        assertThat(fixture.remainingIds()).containsExactlyInAnyOrder(3L, 7L);
    }

    @Test
    void countsExactlyWhatItProcessedWhileItemsArriveDuringTheRun() {
        fixture.createItems(items(1, 6, OLD, "acked"));
        fixture.createItems(items(7, 9, YOUNG, "acked"));
        RunListener arrivals = new RunListener() {
            private long next = 100;

            @Override
            public void progressed(String policy, long processed, long failed, long matched) {
                if (next < 106) {
                    fixture.createItems(List.of(new Item(next++, OLD, "expired"), new Item(next++, YOUNG, "expired")));
                }
            }
        };

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of("acked", "expired")))
                .limits(Limits.defaults().withMaxFraction(1.0).withBatchSize(2)).build(),
                RunMode.EXECUTE, Clock.systemUTC(), arrivals);

        Set<Long> remaining = fixture.remainingIds();
        long created = 9 + 6;
        assertThat(report.status()).as(report.toString()).isEqualTo(RunStatus.OK);
        assertThat(report.processed()).isEqualTo(created - remaining.size());
        assertThat(report.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(report.processed());
        assertThat(remaining).containsAll(ids(7, 9)).contains(101L, 103L, 105L);
    }

    @Test
    void takesTheReferenceTimeFromTheStoreClockNotTheEngineClock() {
        fixture.createItems(items(1, 2, OLD, null));
        ManualClock engineClock = ManualClock.at("2001-01-01T00:00:00Z");

        RunReport report = run(policy(fixture.olderThan(HOUR, List.of())).build(), RunMode.EXECUTE, engineClock,
                RunListener.NONE);
        Instant storeNow = fixture.storeNow();

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(Duration.between(report.referenceTime(), storeNow).abs()).isLessThan(Duration.ofSeconds(10));
        assertThat(fixture.remainingIds()).isEmpty();
    }

    @Test
    void rejectsASelectionItDoesNotUnderstandAndChangesNothing() {
        fixture.createItems(items(1, 3, OLD, null));
        Selection foreign = () -> "a selection no store understands";

        RunReport report = run(policy(foreign).build());

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.error()).contains(report.policy());
        assertThat(fixture.remainingIds()).isEqualTo(ids(1, 3));
    }

    @Test
    void aSecondRunFindsNothingLeft() {
        fixture.createItems(items(1, 5, OLD, null));
        Policy policy = policy(fixture.olderThan(HOUR, List.of())).build();

        RunReport first = run(policy);
        RunReport second = run(policy);

        assertThat(first.processed()).isEqualTo(5);
        assertThat(second.status()).isEqualTo(RunStatus.OK);
        assertThat(second.matched()).isZero();
        assertThat(second.processed()).isZero();
    }
}
