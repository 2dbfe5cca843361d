package dev.lethe.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A {@code redis-server} the tests start on a free loopback port, in a temporary directory, with no
 * persistence; stopped (and its directory removed) when closed, or when the JVM exits.
 */
final class RedisProcess implements AutoCloseable {

    final int port;
    private final Path dir;
    private final Process process;

    private RedisProcess(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    /** Starts a server; {@code clusterEnabled} makes it a cluster node (its bus port is {@code port + 10000}). */
    static RedisProcess start(boolean clusterEnabled) {
        String binary = binary("redis-server");
        try {
            int port = freePort(clusterEnabled);
            Path dir = Files.createTempDirectory("lethe-redis-" + port + "-");
            List<String> command = new ArrayList<>(List.of(binary, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--dir", dir.toString(),
                    "--logfile", dir.resolve("redis.log").toString()));
            if (clusterEnabled) {
                command.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile()).start();
            RedisProcess server = new RedisProcess(port, dir, process);
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            awaitCondition("redis-server on port " + port + " accepts connections", Duration.ofSeconds(20),
                    () -> !process.isAlive() || server.accepts());
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server on port " + port + " exited: see " + dir);
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path of a Redis binary, or a failure that says how to get it. */
    static String binary(String name) {
        return Stream.of(System.getenv("PATH").split(":"), new String[] {"/usr/bin", "/usr/local/bin"})
                .flatMap(Stream::of).map(dir -> Path.of(dir, name)).filter(Files::isExecutable).findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(name + " not found on PATH: the Redis tests start their own"
                        + " servers; install Redis 7 (apt-get install redis-server redis-tools) or run scripts/test.sh"));
    }

    /** Polls {@code condition} until it holds, failing after {@code timeout}. */
    static void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.toSeconds() + "s waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting until " + what, e);
            }
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes());
            return socket.getInputStream().read() == '+';
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(boolean withBus) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (!withBus || (port + 10000 < 65536 && isFree(port + 10000))) {
                return port;
            }
        }
        throw new IOException("no free loopback port pair (port, port + 10000) for a cluster node");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }
}
