package dev.lethe.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.lethe.core.report.RunEntry;
import dev.lethe.core.report.RunReport;
import dev.lethe.server.LeaseUnavailableException;
import dev.lethe.server.ReloadRejectedException;
import dev.lethe.server.internal.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's HTTP admin API.
 * <pre>
 * GET  /api/policies               every policy: schedule, next run, running, last run
 * GET  /api/runs?policy=&amp;limit=     newest runs from history ({"runs":[…]}, as lethe history --json)
 * GET  /api/runs/{id}              one run, with its report once finished
 * POST /api/policies/{name}/run    run now (202); ?wait=true waits and returns the report (200)
 * POST /api/reload                 re-read the config; a bad one is refused (400) and the old one kept
 * POST /api/owners/{kind}/{id}/collect  remove one owner's items from every store of its kind (200, report)
 * GET  /healthz                    200 while the process runs
 * GET  /readyz                     200 while schedules run, 503 while starting or shutting down
 * GET  /metrics                    Prometheus text format
 * </pre>
 * Every POST needs {@code Authorization: Bearer <LETHE_ADMIN_TOKEN>} (401 otherwise, also when no token is
 * configured). Error bodies are {@code {"error": "..."}}.
 */
public final class AdminApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final Pattern RUN_ID = Pattern.compile("/api/runs/(\\d{1,18})");
    private static final Pattern POLICY_RUN = Pattern.compile("/api/policies/([^/]+)/run");
    private static final Pattern OWNER_COLLECT = Pattern.compile("/api/owners/([^/]+)/([^/]+)/collect");

    private final HttpServer server;
    private final ExecutorService threads;
    private final AdminOperations operations;
    private final BearerToken token;
    private final Duration waitLimit;

    private AdminApi(HttpServer server, ExecutorService threads, AdminOperations operations, BearerToken token,
                     Duration waitLimit) {
        this.server = server;
        this.threads = threads;
        this.operations = operations;
        this.token = token;
        this.waitLimit = waitLimit;
    }

    /**
     * Binds and starts the API.
     *
     * @param waitLimit how long {@code ?wait=true} waits for a run before answering 202 anyway
     * @throws UncheckedIOException when the address cannot be bound (port in use)
     */
    public static AdminApi start(InetSocketAddress address, AdminOperations operations, Optional<String> adminToken,
                                 Duration waitLimit) {
        HttpServer server;
        try {
            server = HttpServer.create(address, 50);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address.getHostString() + ":" + address.getPort()
                    + ": " + e.getMessage() + " (set server.port or --port)", e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(8, new DaemonThreads("lethe-http"));
        AdminApi api = new AdminApi(server, threads, operations, new BearerToken(adminToken), waitLimit);
        server.setExecutor(threads);
        server.createContext("/", api::handle);
        server.start();
        return api;
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Reply reply;
            try {
                reply = route(exchange);
            } catch (RuntimeException e) {
                LOG.warn("admin API: {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        e.toString());
                reply = Reply.error(500, "internal error: " + e.getClass().getSimpleName());
            }
            reply.send(exchange);
        } catch (IOException e) {
            // The client went away; nothing to answer.
        }
    }

    private Reply route(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (method.equals("POST") && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Reply.error(401, token.configured() ? "a valid bearer token is required"
                            : "POST endpoints are disabled until the daemon is started with LETHE_ADMIN_TOKEN set")
                    .withHeader("WWW-Authenticate", "Bearer realm=\"lethe\"");
        }
        Matcher policyRun = POLICY_RUN.matcher(path);
        Matcher runId = RUN_ID.matcher(path);
        if (policyRun.matches()) {
            return method.equals("POST") ? trigger(decode(policyRun.group(1)), "true".equals(query.get("wait")))
                    : notAllowed("POST");
        }
        // Matched on the raw path, so an id holding an encoded '/' stays one segment.
        Matcher ownerCollect = OWNER_COLLECT.matcher(exchange.getRequestURI().getRawPath());
        if (ownerCollect.matches()) {
            return method.equals("POST") ? collect(decode(ownerCollect.group(1)), decode(ownerCollect.group(2)))
                    : notAllowed("POST");
        }
        if (path.equals("/api/reload")) {
            return method.equals("POST") ? reload() : notAllowed("POST");
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return knownGetPath(path, runId) ? notAllowed("GET") : Reply.error(404, "no such endpoint: " + path);
        }
        return switch (path) {
            case "/healthz" -> Reply.json(200, Map.of("status", "ok"));
            case "/readyz" -> operations.ready() ? Reply.json(200, Map.of("status", "ready"))
                    : Reply.json(503, Map.of("status", "not ready"));
            case "/metrics" -> operations.scrape()
                    .map(text -> Reply.text(200, "text/plain; version=0.0.4; charset=utf-8", text))
                    .orElseGet(() -> Reply.error(404, "metrics are not kept in a Prometheus registry"));
            case "/api/policies" -> Reply.json(200, Map.of("policies", operations.policies()));
            case "/api/runs" -> runs(query);
            default -> runId.matches() ? run(Long.parseLong(runId.group(1)))
                    : Reply.error(404, "no such endpoint: " + path);
        };
    }

    private Reply runs(Map<String, String> query) {
        int limit;
        try {
            limit = Integer.parseInt(query.getOrDefault("limit", "20"));
        } catch (NumberFormatException e) {
            return Reply.error(400, "limit must be a number, was '" + query.get("limit") + "'");
        }
        if (limit < 1 || limit > 1000) {
            return Reply.error(400, "limit must be between 1 and 1000, was " + limit);
        }
        return Reply.json(200, Map.of("runs", operations.runs(Optional.ofNullable(query.get("policy")), limit)
                .stream().map(RunEntry::of).toList()));
    }

    private Reply run(long id) {
        return operations.run(id).map(r -> Reply.json(200, RunEntry.of(r)))
                .orElseGet(() -> Reply.error(404, "no run " + id + " in history"));
    }

    private Reply trigger(String policy, boolean wait) {
        CompletableFuture<RunReport> run;
        try {
            run = operations.trigger(policy);
        } catch (IllegalArgumentException e) {
            return Reply.error(404, e.getMessage());
        } catch (IllegalStateException e) {
            return Reply.error(503, e.getMessage());
        }
        Reply accepted = Reply.json(202, Map.of("policy", policy, "status", "queued"));
        if (!wait) {
            return accepted;
        }
        try {
            return Reply.json(200, run.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return accepted;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "interrupted while waiting for policy '" + policy + "'");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LeaseUnavailableException lease) {
                return Reply.error(lease.heldElsewhere() ? 409 : 503, lease.getMessage());
            }
            return Reply.error(503, String.valueOf(cause.getMessage()));
        }
    }

    private Reply collect(String kind, String id) {
        try {
            return Reply.json(200, operations.collect(kind, id));
        } catch (IllegalArgumentException e) {
            return Reply.error(404, e.getMessage());
        } catch (IllegalStateException e) {
            return Reply.error(503, e.getMessage());
        }
    }

    private Reply reload() {
        try {
            return Reply.json(200, Map.of("policies", operations.reload()));
        } catch (ReloadRejectedException e) {
            return Reply.error(400, e.getMessage());
        } catch (IllegalStateException e) {
            return Reply.error(503, e.getMessage());
        }
    }

    private static boolean knownGetPath(String path, Matcher runId) {
        return runId.matches() || switch (path) {
            case "/healthz", "/readyz", "/metrics", "/api/policies", "/api/runs" -> true;
            default -> false;
        };
    }

    private static Reply notAllowed(String allowed) {
        return Reply.error(405, "method not allowed; use " + allowed).withHeader("Allow", allowed);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
