package dev.lethe.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The concurrent OLTP workload of the impact scenario: {@code pgbench}'s built-in TPC-B-like transaction against
 * its own {@code pgbench_*} tables in the benchmark database, on loopback, for a fixed time, logging every
 * transaction. Initialised once per harness run ({@code pgbench -i}); each run of the workload then starts with
 * pgbench's own vacuum of its small tables and an empty history, so every trial meets the same workload.
 */
final class Pgbench {

    static final Path BINARY = Path.of("/usr/bin/pgbench");
    static final int SCALE = 10;
    static final int CLIENTS = 2;
    static final int THREADS = 2;
    /** How long each run lasts; a sweep has to fit in it after {@link #WARMUP_MS}, or the round fails. */
    static final int SECONDS = 25;
    /** Workload alone before a sweep starts: connections made, the pgbench tables back in the cache. */
    static final long WARMUP_MS = 5_000;
    /** A run that has not ended this long after its {@link #SECONDS} is stuck; it is stopped. */
    private static final long GRACE_SECONDS = 60;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private final Path logDir;
    private boolean initialised;

    Pgbench(Path workDir) {
        this.logDir = workDir.toAbsolutePath().resolve("logs");
    }

    /** Why the workload cannot run here, if it cannot. */
    Optional<String> unavailable() {
        return Files.isExecutable(BINARY) ? Optional.empty()
                : Optional.of(BINARY + " is missing (Debian: apt-get install postgresql-client; bench/run.sh tries)");
    }

    /** The workload's command, for the report. */
    String description() {
        return "pgbench -c " + CLIENTS + " -j " + THREADS + " -T " + SECONDS + " --log (TPC-B-like, scale " + SCALE + ")";
    }

    private static List<String> connection() {
        String[] hostPort = PostgresDatabase.HOST.split(":");
        return List.of("-h", hostPort[0], "-p", hostPort[1], "-U", PostgresDatabase.USER);
    }

    /** Builds the pgbench tables the first time a trial needs them; later trials reuse them. */
    private void initialiseOnce() throws IOException, InterruptedException {
        if (initialised) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-i", "-q", "-s", String.valueOf(SCALE)));
        command.addAll(connection());
        command.add(PostgresDatabase.DATABASE);
        ExternalCommand.Result init = ExternalCommand.run(command, logDir, "pgbench-init");
        if (init.exitCode() != 0) {
            throw new IllegalStateException("pgbench -i exited " + init.exitCode() + ":\n" + init.stderrTail());
        }
        initialised = true;
    }

    /** Starts one run of the workload in the background; {@link Run#finish()} waits for it. */
    Run start(String label) throws IOException, InterruptedException {
        initialiseOnce();
        Files.createDirectories(logDir);
        Path prefix = logDir.resolve(label + "-txlog");
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-c", String.valueOf(CLIENTS),
                "-j", String.valueOf(THREADS), "-T", String.valueOf(SECONDS), "--log", "--log-prefix", prefix.toString()));
        command.addAll(connection());
        command.add(PostgresDatabase.DATABASE);
        Instant launched = Instant.now();
        Process process = ExternalCommand.start(command, logDir.resolve(label + ".out"), logDir.resolve(label + ".err"));
        return new Run(process, launched, prefix, logDir.resolve(label + ".out"), logDir.resolve(label + ".err"));
    }

    /**
     * One run of the workload, going on in the background.
     *
     * @param launched when it was started, on the clock pgbench's log uses
     */
    record Run(Process process, Instant launched, Path logPrefix, Path stdout, Path stderr) {

        /** Microseconds since the Unix epoch of {@code launched + offsetMs}. */
        long micros(long offsetMs) {
            return ChronoUnit.MICROS.between(Instant.EPOCH, launched) + offsetMs * 1000;
        }

        /** Fails when pgbench has already exited: it could not connect, or its tables are gone. */
        void checkRunning() throws IOException {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbench exited " + process.exitValue() + " early: "
                        + Files.readString(stderr).strip());
            }
        }

        /** Waits for pgbench to end by itself and returns its transactions. */
        List<PgbenchLog.Transaction> finish() throws IOException, InterruptedException {
            if (!process.waitFor(SECONDS + GRACE_SECONDS, TimeUnit.SECONDS)) {
                stop();
                throw new IllegalStateException("pgbench did not end " + GRACE_SECONDS + " s after its " + SECONDS
                        + " s; stopped");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("pgbench exited " + process.exitValue() + ": "
                        + Files.readString(stderr).strip());
            }
            return PgbenchLog.read(logPrefix);
        }

        /** Stops pgbench now (after a sweep failed), so the next trial does not share the server with it. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }

        /** pgbench's own figure for the whole run, from its summary, e.g. {@code 812.4}; null if absent. */
        String wholeRunTps() throws IOException {
            Matcher m = TPS.matcher(Files.readString(stdout));
            return m.find() ? m.group(1) : null;
        }
    }
}
