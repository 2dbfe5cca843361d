package dev.lethe.server.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.core.report.ReportJson;
import dev.lethe.server.cli.ServeCommand;
import dev.lethe.server.testing.Eventually;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code lethe serve} process started from the test class path, its output collected, its admin API called
 * over loopback. Stopped with SIGTERM, or killed with SIGKILL, like an operator or an orchestrator would.
 */
final class DaemonProcess implements AutoCloseable {

    static final String TOKEN = "test-admin-token-0b9f3c";
    private static final Pattern ADDRESS = Pattern.compile("admin API on http://127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Thread reader;
    private int port;

    private DaemonProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::collect, "daemon-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code lethe serve --config config --port 0 args…} and waits until its admin API answers. */
    static DaemonProcess start(Path config, Map<String, String> env, String... args) {
        DaemonProcess daemon = launch(config, env, args);
        daemon.port = Integer.parseInt(Eventually.waitFor("the daemon's admin API address", Duration.ofSeconds(30), () -> {
            if (!daemon.process.isAlive()) {
                throw new AssertionError("the daemon exited with " + daemon.process.exitValue() + ":\n" + daemon.output());
            }
            Matcher address = ADDRESS.matcher(daemon.output);
            return address.find() ? address.group(1) : null;
        }));
        return daemon;
    }

    /** Starts the process and returns at once (for a process expected to exit by itself). */
    static DaemonProcess launch(Path config, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Duser.timezone=America/New_York",
                "-cp", System.getProperty("java.class.path"), ServeCommand.class.getName(),
                "--config", config.toString(), "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(ServeCommand.TOKEN_VARIABLE, TOKEN);
        builder.environment().putAll(env);
        try {
            return new DaemonProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    String output() {
        return output.toString();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** The policy's entry in {@code GET /api/policies}. */
    JsonNode policy(String name) {
        for (JsonNode policy : json(get("/api/policies")).get("policies")) {
            if (policy.get("name").asText().equals(name)) {
                return policy;
            }
        }
        throw new AssertionError("no policy " + name);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return ReportJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGTERM, as systemd or Kubernetes send it. Through the process handle: {@link Process#destroy()} would
     * also close our end of the output pipe, and we want to read what the daemon says while it stops.
     */
    void sigterm() {
        process.toHandle().destroy();
    }

    /** SIGHUP: reload the config. */
    void sighup() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new AssertionError("kill -HUP " + process.pid() + " failed");
        }
    }

    /** SIGKILL: no chance to clean up. */
    void kill9() {
        process.toHandle().destroyForcibly();
    }

    /** Waits for the process to exit and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the daemon did not exit within " + timeout + ":\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void collect() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                if (Boolean.getBoolean("lethe.it.echo")) {
                    System.out.println("[" + process.pid() + "] " + line);
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }
}
