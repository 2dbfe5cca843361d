package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.history.InMemoryRunHistory;
import dev.lethe.core.history.RunHistory;
import dev.lethe.core.history.RunRecord;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A heartbeat is a state-store write: a fast sweep must not pay one per batch. */
class HeartbeatTest {

    @Test
    void heartbeatsAreThrottledToOnePerIntervalNotOnePerBatch() {
        int[] heartbeats = {0};
        InMemoryRunHistory memory = new InMemoryRunHistory();
        RunHistory history = new RunHistory() {
            @Override
            public long start(String policy, String store, boolean dryRun, Instant startedAt) {
                return memory.start(policy, store, dryRun, startedAt);
            }

            @Override
            public void heartbeat(long runId) {
                heartbeats[0]++;
            }

            @Override
            public void finish(long runId, RunReport report) {
                memory.finish(runId, report);
            }

            @Override
            public List<RunRecord> recent(Optional<String> policy, int limit) {
                return memory.recent(policy, limit);
            }

            @Override
            public Optional<RunRecord> find(long runId) {
                return memory.find(runId);
            }

            @Override
            public void close() {
                memory.close();
            }
        };
        Clock oneSecondPerReading = new Clock() {
            private Instant now = Instant.parse("2030-01-01T00:00:00Z");

            @Override
            public synchronized Instant instant() {
                Instant current = now;
                now = now.plusSeconds(1);
                return current;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        ListStore store = new ListStore(100, Instant.parse("2030-01-01T00:00:00Z"));
        Policy policy = Policy.builder("all").store("list")
                .selection(new ListStore.ValueSelection(v -> true, v -> false))
                .limits(Limits.defaults().withBatchSize(1).withMaxFraction(1.0)).build();

        try (Engine engine = Engine.builder().stores(new StoreRegistry(List.of()).add(store)).history(history)
                .clock(oneSecondPerReading).build()) {
            assertThat(engine.run(policy, RunMode.EXECUTE).status()).isEqualTo(RunStatus.OK);
        }

        // 100 one-item batches over about 100 clock seconds: one heartbeat per 10 s, not 100.
        assertThat(heartbeats[0]).isBetween(9, 11);
    }
}
