package dev.lethe.server.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port, so fault tests can stop and
 * start it without disturbing the shared server other tests use. Runs as the {@code postgres} user when the
 * tests run as root (PostgreSQL refuses to run as root).
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;

    private PrivatePostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The newest installed PostgreSQL's binaries, if any. */
    static Optional<Path> binaries() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates a cluster and starts it. */
    static PrivatePostgres start(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("lethe-pg-");
        PrivatePostgres server = new PrivatePostgres(bin, dir, freePort());
        if (isRoot()) {
            run(List.of("chown", "postgres:postgres", dir.toString()));
        }
        server.runAsOwner(List.of(bin.resolve("initdb").toString(), "-D", server.data(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--no-sync"));
        server.start();
        return server;
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    /** Starts the server and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", dir.resolve("server.log").toString(),
                "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w", "-t", "60",
                "start"));
        try (Connection connection = DriverManager.getConnection(url())) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("private PostgreSQL started but does not answer: " + e.getMessage(), e);
        }
    }

    /** Stops the server at once, cutting open connections, as a crash or a failover would. */
    void stop() throws IOException, InterruptedException {
        runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            runAsOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "immediate", "-w", "stop"));
        } catch (IllegalStateException alreadyStopped) {
            // Nothing to stop.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private String data() {
        return dir.resolve("data").toString();
    }

    private void runAsOwner(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(output));
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
