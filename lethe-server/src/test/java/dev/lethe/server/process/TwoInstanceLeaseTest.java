package dev.lethe.server.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.lease.Lease;
import dev.lethe.jdbc.lease.JdbcLeaseStore;
import dev.lethe.server.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code lethe serve} processes sharing one PostgreSQL state store and one short schedule: their runs of the
 * policy never overlap, and when the holder is killed mid-run the other takes the policy over within the lease
 * time. The shared phase lasts {@code -Dlethe.it.twoInstanceSeconds} (120 s by default, as in CI).
 */
class TwoInstanceLeaseTest {

    private static final Duration SHARED = Duration.ofSeconds(Long.getLong("lethe.it.twoInstanceSeconds", 120));
    private static final Duration TTL = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void runsOfOnePolicyNeverOverlapAndAKilledHolderIsTakenOverWithinTheLeaseTime() throws Exception {
        SlowTable table = SlowTable.create(ServeProcessTest.POSTGRES, 0.02);     // 10 rows a batch: 200 ms
        String state = table.url();
        Path config = dir.resolve("lethe.yaml");
        Files.writeString(config, """
                state: "%s"
                stores:
                  app: { type: postgres, url: "%s" }
                policies:
                  sweep:
                    store: app
                    table: items
                    key: id
                    where: "1=1"
                    schedule: { every: 1s }
                    limits: { batchSize: 10, maxFraction: 1.0 }
                """.formatted(state, table.url()));
        String ttl = TTL.toSeconds() + "s";
        try (DaemonProcess a = DaemonProcess.start(config, Map.of(), "--lease-ttl", ttl);
             DaemonProcess b = DaemonProcess.start(config, Map.of(), "--lease-ttl", ttl);
             JdbcLeaseStore leases = JdbcLeaseStore.open(state)) {
            feed(table, SHARED);

            table.insert(300);                                   // a run of several seconds to kill
            Lease held = Eventually.waitFor("a run under way", WAIT, () -> leases.holder("policy:sweep")
                    .filter(lease -> table.count() > 150).orElse(null));
            DaemonProcess holder = held.owner().contains("/" + a.pid() + "/") ? a : b;
            DaemonProcess survivor = holder == a ? b : a;
            Instant killed = Instant.now();
            holder.kill9();
            holder.awaitExit(WAIT);

            RunIntervals.Run takeover = Eventually.waitFor("the survivor's first run after the kill", WAIT,
                    () -> RunIntervals.read(state, "sweep").stream()
                            .filter(run -> run.start().isAfter(killed) && run.instance().startsWith(survivor.pid() + "@"))
                            .findFirst().orElse(null));
            assertThat(Duration.between(killed, takeover.start())).as("takeover delay")
                    .isLessThan(TTL.plusSeconds(3));
            Eventually.waitUntil("the survivor swept what the killed one left", WAIT, () -> table.count() == 0);
            survivor.sigterm();
            assertThat(survivor.awaitExit(WAIT)).isZero();

            List<RunIntervals.Run> runs = RunIntervals.read(state, "sweep");
            System.out.printf("two instances: %d runs (%d by %d, %d by %d), takeover %d ms after the kill%n", runs.size(),
                    runs.stream().filter(r -> r.instance().startsWith(a.pid() + "@")).count(), a.pid(),
                    runs.stream().filter(r -> r.instance().startsWith(b.pid() + "@")).count(), b.pid(),
                    Duration.between(killed, takeover.start()).toMillis());
            assertNoOverlap(runs, holder.pid(), killed);
            assertThat(runs).hasSizeGreaterThan((int) (SHARED.toSeconds() / 4));
            assertThat(runs).anySatisfy(run -> assertThat(run.instance()).startsWith(a.pid() + "@"));
            assertThat(runs).anySatisfy(run -> assertThat(run.instance()).startsWith(b.pid() + "@"));
        } finally {
            table.drop();
        }
    }

    /** Adds rows at a steady pace for {@code period}, so both daemons find work on most ticks. */
    private static void feed(SlowTable table, Duration period) throws InterruptedException {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            table.insert(20);
            Thread.sleep(500);
        }
    }

    /** Sorted by start, every run starts after the previous one ended; the killed run ended when it was killed. */
    private static void assertNoOverlap(List<RunIntervals.Run> runs, long killedPid, Instant killed) {
        Instant previousEnd = Instant.EPOCH;
        RunIntervals.Run previous = null;
        for (RunIntervals.Run run : runs) {
            boolean cutOff = run.instance().startsWith(killedPid + "@") && !List.of("ok", "partial", "failed", "refused")
                    .contains(run.status());
            Instant end = cutOff ? killed : run.end();
            assertThat(end).as("end of run %s", run).isNotNull();
            assertThat(run.start()).as("run %s starts after %s ended", run, previous).isAfterOrEqualTo(previousEnd);
            previousEnd = end;
            previous = run;
        }
        assertThat(Optional.ofNullable(previous)).isPresent();
    }
}
