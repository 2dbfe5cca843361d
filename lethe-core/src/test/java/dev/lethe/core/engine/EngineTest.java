package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.history.InMemoryRunHistory;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

class EngineTest {

    private static final Instant STORE_NOW = Instant.parse("2026-03-29T01:30:00Z");

    private final ListStore store = new ListStore(100, STORE_NOW);
    private final InMemoryRunHistory history = new InMemoryRunHistory();

    private Engine engine(Clock clock) {
        return Engine.builder().stores(new StoreRegistry(List.of()).add(store)).history(history).clock(clock).build();
    }

    private Engine engine() {
        return engine(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static Policy policy(String name, IntPredicate matches, Limits limits) {
        return Policy.builder(name).store("list")
                .selection(new ListStore.ValueSelection(matches, v -> false)).limits(limits).build();
    }

    @Test
    void runProcessesEveryMatchInBatchesAndUsesTheStoreClock() {
        RunReport report = engine().run(policy("evens", v -> v % 2 == 0, Limits.defaults().withBatchSize(7)),
                RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.matched()).isEqualTo(50);
        assertThat(report.deleted()).isEqualTo(50);
        assertThat(report.referenceTime()).isEqualTo(STORE_NOW);
        assertThat(store.items).hasSize(50);
        assertThat(store.batches).isEqualTo(8);
    }

    @Test
    void aRunThatNoGuardCouldRefuseSkipsTheCountAndReportsWhatItsBatchesMatched() {
        RunReport report = engine().run(policy("evens", v -> v % 2 == 0,
                Limits.defaults().withBatchSize(7).withMaxFraction(1.0)), RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(store.plans).as("no counting pass").isZero();
        assertThat(report.matched()).isEqualTo(50);
        assertThat(report.deleted()).isEqualTo(50);
        assertThat(report.plan()).isNull();
    }

    @Test
    void aRunWithAGuardCountsBeforeItsFirstBatch() {
        RunReport report = engine().run(policy("evens", v -> v % 2 == 0,
                Limits.defaults().withBatchSize(7).withMaxFraction(1.0).withMaxItems(60)), RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(store.plans).isEqualTo(1);
        assertThat(report.matched()).isEqualTo(50);
    }

    @Test
    void dryRunPlansAndChangesNothing() {
        RunReport report = engine().run(policy("evens", v -> v % 2 == 0, Limits.defaults()), RunMode.DRY_RUN);

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.dryRun()).isTrue();
        assertThat(report.matched()).isEqualTo(50);
        assertThat(report.deleted()).isZero();
        assertThat(report.plan().sampleKeys()).startsWith("2", "4", "6");
        assertThat(store.items).hasSize(100);
    }

    @Test
    void maxItemsRefusesBeforeAnyChange() {
        RunReport report = engine().run(policy("evens", v -> v % 2 == 0, Limits.defaults().withMaxItems(49)),
                RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.warnings()).singleElement().asString().contains("limits.maxItems 49");
        assertThat(store.items).hasSize(100);
        assertThat(store.batches).isZero();
    }

    @Test
    void defaultMaxFractionRefusesAPolicyThatWouldEmptyMostOfTheStore() {
        RunReport report = engine().run(policy("most", v -> v > 10, Limits.defaults()), RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.warnings()).singleElement().asString()
                .contains("90 of 100 items match (90.0%)").contains("limits.maxFraction 0.5");
        assertThat(store.items).hasSize(100);
    }

    @Test
    void timeoutStopsBetweenBatchesAndReportsTheBacklog() {
        Clock tenSecondsPerReading = new Clock() {
            private Instant now = Instant.parse("2030-01-01T00:00:00Z");

            @Override
            public synchronized Instant instant() {
                Instant current = now;
                now = now.plusSeconds(10);
                return current;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        Limits limits = Limits.defaults().withBatchSize(10).withMaxFraction(1.0).withTimeout(Duration.ofSeconds(35));

        RunReport report = engine(tenSecondsPerReading).run(policy("all", v -> true, limits), RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.deleted()).isEqualTo(30);
        assertThat(report.backlog()).isEqualTo(70);
        assertThat(report.matched()).as("counted once the timeout stopped the run").isEqualTo(100);
        assertThat(store.plans).isEqualTo(1);
        assertThat(store.items).hasSize(70);
    }

    @Test
    void aRunStoppedByItsControlFinishesTheBatchAndStopsBeforeTheNext() {
        int[] batchesSeen = {0};
        RunControl stopAfterTwo = () -> ++batchesSeen[0] > 2
                ? Optional.of(new RunControl.Stop(RunStatus.INTERRUPTED, "shutting down"))
                : Optional.empty();
        Limits limits = Limits.defaults().withBatchSize(10).withMaxFraction(1.0).withMaxItems(100);

        RunReport report = engine().run(policy("all", v -> true, limits), RunMode.EXECUTE, stopAfterTwo);

        assertThat(report.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(report.deleted()).isEqualTo(20);
        assertThat(report.backlog()).isEqualTo(80);
        assertThat(report.warnings()).singleElement().asString().startsWith("shutting down after 20 items");
    }

    @Test
    void aStoppedRunThatSkippedItsCountDoesNotCountTheBacklogEither() {
        int[] batchesSeen = {0};
        RunControl stopAfterTwo = () -> ++batchesSeen[0] > 2
                ? Optional.of(new RunControl.Stop(RunStatus.INTERRUPTED, "shutting down"))
                : Optional.empty();
        Limits limits = Limits.defaults().withBatchSize(10).withMaxFraction(1.0);

        RunReport report = engine().run(policy("all", v -> true, limits), RunMode.EXECUTE, stopAfterTwo);

        assertThat(report.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(report.deleted()).isEqualTo(20);
        assertThat(store.plans).as("a stop means no more work on the store").isZero();
        assertThat(report.warnings()).singleElement().asString()
                .isEqualTo("shutting down after 20 items; the matched items left were not counted");
    }

    @Test
    void failingItemsAreSkippedAndTheRestIsProcessed() {
        Policy policy = Policy.builder("evens").store("list")
                .selection(new ListStore.ValueSelection(v -> v % 2 == 0, v -> v == 42)).build();

        RunReport report = engine().run(policy, RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(report.deleted()).isEqualTo(49);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(store.items).containsKey(42).hasSize(51);
    }

    @Test
    void aFailingPolicyDoesNotStopTheOthers() {
        Policy missingStore = Policy.builder("elsewhere").store("nowhere")
                .selection(new ListStore.ValueSelection(v -> true, v -> false)).build();

        List<RunReport> reports = engine().runAll(
                List.of(missingStore, policy("evens", v -> v % 2 == 0, Limits.defaults())), RunMode.EXECUTE);

        assertThat(reports).extracting(RunReport::status).containsExactly(RunStatus.FAILED, RunStatus.OK);
        assertThat(reports.get(0).error()).contains("policy 'elsewhere'").contains("no store named 'nowhere'");
        assertThat(store.items).hasSize(50);
    }

    @Test
    void anUnreachableStoreFailsTheRunAndHistoryKeepsIt() {
        store.down = true;

        RunReport report = engine().run(policy("evens", v -> v % 2 == 0, Limits.defaults()), RunMode.EXECUTE);

        assertThat(report.status()).isEqualTo(RunStatus.FAILED);
        assertThat(report.error()).contains("unreachable");
        assertThat(history.find(report.runId()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(history.recent(Optional.of("evens"), 10)).hasSize(1);
    }
}
