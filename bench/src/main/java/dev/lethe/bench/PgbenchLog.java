package dev.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * pgbench's per-transaction log ({@code --log}): one line per transaction,
 * {@code client_id transaction_no time script_no time_epoch time_us [schedule_lag] [retries]}, where
 * {@code time} is the transaction's latency in microseconds (or {@code failed}/{@code skipped}) and
 * {@code time_epoch}/{@code time_us} the wall-clock moment it completed. Completion times on the Unix epoch are
 * what lets the harness line the workload up with a sweep it timed with {@link java.time.Instant#now()}.
 * Each pgbench thread writes its own file: {@code <prefix>.<pid>} and {@code <prefix>.<pid>.<thread>}.
 */
final class PgbenchLog {

    private PgbenchLog() {
    }

    /**
     * One transaction.
     *
     * @param endMicros     when it completed, microseconds since the Unix epoch
     * @param latencyMicros how long it took; 0 for a failed one
     * @param failed        whether pgbench logged it as failed or skipped rather than with a latency
     */
    record Transaction(long endMicros, long latencyMicros, boolean failed) {
        long startMicros() {
            return endMicros - latencyMicros;
        }
    }

    /** Every transaction in the files {@code <prefix>.*} of one pgbench run. */
    static List<Transaction> read(Path prefix) throws IOException {
        String name = prefix.getFileName().toString() + ".";
        List<Transaction> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(prefix.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name)).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    parse(line, all);
                }
            }
        }
        return all;
    }

    private static void parse(String line, List<Transaction> into) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 6) {
            return;
        }
        long end = Long.parseLong(f[4]) * 1_000_000 + Long.parseLong(f[5]);
        // A latency that is not a number is pgbench saying "failed" or "skipped": the client got no answer in time.
        boolean failed = !f[2].chars().allMatch(Character::isDigit);
        into.add(new Transaction(end, failed ? 0 : Long.parseLong(f[2]), failed));
    }
}
