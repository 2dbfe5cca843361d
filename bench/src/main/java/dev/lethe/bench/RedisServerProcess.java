package dev.lethe.bench;

import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A {@code redis-server} of the benchmark's own on a free loopback port, nothing kept on disk, so no other
 * client shares its CPU and every contender meets the same server settings. Stopped on close.
 */
final class RedisServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RedisServerProcess start(Path workDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path dir = Files.createDirectories(workDir.resolve("redis-" + port));
        Process process = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--logfile", dir.resolve("redis.log").toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        RedisServerProcess server = new RedisServerProcess(process, port);
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!server.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("redis-server on port " + port + " did not start; see " + dir);
            }
            Thread.sleep(20);
        }
        return server;
    }

    RedisURI uri() {
        return RedisURI.create("127.0.0.1", port);
    }

    int port() {
        return port;
    }

    /**
     * CPU time the server process has used so far (all its threads, user and system), from /proc, in milliseconds
     * (10 ms resolution); -1 where there is no /proc. Unlike {@code INFO commandstats} it includes reading and
     * parsing requests and writing replies, which for {@code UNLINK}s of a thousand keys and {@code SCAN} replies
     * of hundreds is a real part of what the server does.
     */
    long cpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Clock ticks per second of /proc's CPU times (USER_HZ): 100 on Linux. */
    private static final long CLOCK_TICKS = 100;

    private boolean answers() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("PING\r\n".getBytes());
            return socket.getInputStream().read() == '+';
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
