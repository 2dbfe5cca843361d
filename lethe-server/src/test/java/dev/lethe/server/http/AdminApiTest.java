package dev.lethe.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.history.InMemoryRunHistory;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.owner.OwnerMember;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Selection;
import dev.lethe.core.policy.Schedule;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.server.LetheServer;
import dev.lethe.server.LogFormat;
import dev.lethe.server.Workload;
import dev.lethe.server.testing.MemoryStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API over loopback, on a daemon embedded in the test with an in-memory store. */
class AdminApiTest {

    private static final String TOKEN = "s3cret-admin-token-4711";

    private final MemoryStore store = new MemoryStore("app", 50);
    private final InMemoryRunHistory history = new InMemoryRunHistory();
    private final Engine engine = Engine.builder().stores(new StoreRegistry(List.of()).add(store)).history(history).build();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<String> responses = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<Supplier<Workload>> config = new AtomicReference<>();
    private LetheServer server;
    private URI base;

    private static Policy policy(String name, Schedule schedule) {
        return Policy.builder(name).store("app").selection(new MemoryStore.Matching(v -> v % 2 == 0))
                .limits(Limits.defaults().withBatchSize(10)).schedule(schedule).build();
    }

    /** The items of one owner: the value equal to the owner's id. */
    private record ValueOwner() implements Selection {
        @Override
        public String describe() {
            return "value {id}";
        }

        @Override
        public Selection forOwner(String id) {
            return new MemoryStore.Matching(v -> String.valueOf(v).equals(id));
        }
    }

    @BeforeEach
    void start() {
        List<Policy> policies = List.of(policy("evens", new Schedule.Every(Duration.ofHours(1), Duration.ZERO, false)),
                policy("manual", null));
        OwnerKind value = new OwnerKind("value", List.of(OwnerMember.delete("app", new ValueOwner())));
        config.set(() -> new Workload(policies, engine, () -> { }, List.of(value)));
        server = LetheServer.builder().source(() -> config.get().get())
                .http(new InetSocketAddress("127.0.0.1", 0)).adminToken(java.util.Optional.of(TOKEN))
                .logFormat(LogFormat.JSON).logOut(new PrintStream(log, true, StandardCharsets.UTF_8))
                .build().start();
        InetSocketAddress address = server.httpAddress().orElseThrow();
        base = URI.create("http://127.0.0.1:" + address.getPort());
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
        assertThat(responses).noneSatisfy(body -> assertThat(body).contains(TOKEN));
    }

    private HttpResponse<String> send(String method, String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            responses.add(response.body());
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return ReportJson.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void healthReadinessAndPoliciesAreOpenToGet() {
        assertThat(send("GET", "/healthz", null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/readyz", null).statusCode()).isEqualTo(200);

        HttpResponse<String> policies = send("GET", "/api/policies", null);

        assertThat(policies.statusCode()).isEqualTo(200);
        assertThat(policies.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode list = json(policies).get("policies");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("name").asText()).isEqualTo("evens");
        assertThat(list.get(0).get("schedule").asText()).isEqualTo("every 1h");
        assertThat(list.get(0).get("nextRun").asText()).isNotBlank();
        assertThat(list.get(1).has("schedule")).isFalse();
    }

    @Test
    void everyPostNeedsTheBearerToken() {
        HttpResponse<String> none = send("POST", "/api/policies/evens/run", null);
        HttpResponse<String> wrong = send("POST", "/api/policies/evens/run", TOKEN + "x");
        HttpResponse<String> prefix = send("POST", "/api/reload", TOKEN.substring(0, 10));

        assertThat(List.of(none, wrong, prefix)).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"lethe\"");
        });
        assertThat(send("POST", "/no/such/thing", null).statusCode()).as("even unknown POSTs").isEqualTo(401);
        assertThat(store.size()).as("nothing ran").isEqualTo(50);
    }

    @Test
    void runWithWaitReturnsTheReportWhichHistoryThenShows() {
        HttpResponse<String> response = send("POST", "/api/policies/evens/run?wait=true", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        RunReport report = ReportJson.read(response.body());
        assertThat(report.policy()).isEqualTo("evens");
        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(25);
        assertThat(store.size()).isEqualTo(25);

        JsonNode runs = json(send("GET", "/api/runs?policy=evens&limit=5", null)).get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("id").asLong()).isEqualTo(report.runId());
        assertThat(runs.get(0).get("status").asText()).isEqualTo("ok");
        JsonNode one = json(send("GET", "/api/runs/" + report.runId(), null));
        assertThat(one.get("report").get("deleted").asLong()).isEqualTo(25);
        assertThat(send("GET", "/api/runs/9999", null).statusCode()).isEqualTo(404);
        assertThat(json(send("GET", "/api/policies", null)).get("policies").get(0).get("lastStatus").asText())
                .isEqualTo("ok");
    }

    @Test
    void runWithoutWaitIsAccepted() {
        HttpResponse<String> response = send("POST", "/api/policies/manual/run", TOKEN);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(json(response).get("status").asText()).isEqualTo("queued");
        dev.lethe.server.testing.Eventually.waitUntil("the run happened", Duration.ofSeconds(10), () -> store.size() == 25);
    }

    @Test
    void anUnknownPolicyIsNotFound() {
        HttpResponse<String> response = send("POST", "/api/policies/nope/run", TOKEN);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).contains("no policy named 'nope'");
    }

    @Test
    void aBadReloadIsRefusedAndTheOldConfigStays() {
        config.set(() -> {
            throw new IllegalArgumentException("lethe.yaml:7:5: unknown key 'shedule'; did you mean 'schedule'?");
        });

        HttpResponse<String> response = send("POST", "/api/reload", TOKEN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).contains("lethe.yaml:7:5: unknown key 'shedule'");
        assertThat(json(send("GET", "/api/policies", null)).get("policies")).hasSize(2);
        assertThat(send("POST", "/api/policies/evens/run?wait=true", TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void aGoodReloadReplacesThePolicies() {
        config.set(() -> Workload.of(List.of(policy("renamed", null)), engine));

        HttpResponse<String> response = send("POST", "/api/reload", TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("policies").get(0).asText()).isEqualTo("renamed");
        assertThat(send("POST", "/api/policies/evens/run", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void metricsAreInPrometheusFormat() {
        send("POST", "/api/policies/evens/run?wait=true", TOKEN);

        HttpResponse<String> metrics = send("GET", "/metrics", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("lethe_runs_total{policy=\"evens\",status=\"ok\"} 1.0")
                .contains("lethe_items_total{outcome=\"deleted\",policy=\"evens\"} 25.0")
                .contains("lethe_schedule_interval_seconds{policy=\"evens\"} 3600.0");
    }

    @Test
    void wrongMethodsAndUnknownPathsAreAnsweredAsSuch() {
        HttpResponse<String> getReload = send("GET", "/api/reload", null);

        assertThat(getReload.statusCode()).isEqualTo(405);
        assertThat(getReload.headers().firstValue("Allow")).contains("POST");
        assertThat(send("DELETE", "/api/policies", TOKEN).statusCode()).isEqualTo(405);
        assertThat(send("GET", "/api/nothing", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/api/runs?limit=0", null).statusCode()).isEqualTo(400);
    }

    @Test
    void aRunThatDidSomethingIsOneJsonLogLine() throws IOException {
        send("POST", "/api/policies/evens/run?wait=true", TOKEN);

        List<JsonNode> runLines = new ArrayList<>();
        for (String line : log.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode node = ReportJson.mapper().readTree(line);
            if (node.get("event").asText().equals("run")) {
                runLines.add(node);
            }
        }
        assertThat(runLines).singleElement().satisfies(line -> {
            assertThat(line.get("level").asText()).isEqualTo("info");
            assertThat(line.get("policy").asText()).isEqualTo("evens");
            assertThat(line.get("deleted").asLong()).isEqualTo(25);
            assertThat(line.get("message").asText()).startsWith("policy evens: ok, 25 matched, 25 deleted");
        });
    }

    @Test
    void aRunThatMatchedNothingLeavesNoInfoLine() {
        send("POST", "/api/policies/evens/run?wait=true", TOKEN);
        int lines = log.toString(StandardCharsets.UTF_8).split("\n").length;

        send("POST", "/api/policies/evens/run?wait=true", TOKEN);      // nothing left to match

        assertThat(log.toString(StandardCharsets.UTF_8).split("\n")).hasSize(lines);
    }

    @Test
    void withoutAConfiguredTokenEveryPostIsRefused() {
        server.close();
        server = LetheServer.builder().source(() -> config.get().get()).http(new InetSocketAddress("127.0.0.1", 0))
                .build().start();
        base = URI.create("http://127.0.0.1:" + server.httpAddress().orElseThrow().getPort());

        HttpResponse<String> response = send("POST", "/api/policies/evens/run", TOKEN);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asText()).contains("LETHE_ADMIN_TOKEN");
    }

    @Test
    void postingAnOwnerCollectsItsItemsAndAnswersTheReport() {
        HttpResponse<String> response = send("POST", "/api/owners/value/7/collect", TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode report = json(response);
        assertThat(report.get("kind").asText()).isEqualTo("value");
        assertThat(report.get("id").asText()).isEqualTo("7");
        assertThat(report.get("status").asText()).isEqualTo("ok");
        assertThat(report.get("members").get(0).get("policy").asText()).isEqualTo("value.1");
        assertThat(report.get("members").get(0).get("deleted").asLong()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(49);
        HttpResponse<String> again = send("POST", "/api/owners/value/7/collect", TOKEN);
        assertThat(json(again).get("members").get(0).get("deleted").asLong()).as("7 is gone").isZero();
    }

    @Test
    void collectingNeedsTheTokenAKnownKindAndPost() {
        assertThat(send("POST", "/api/owners/value/7/collect", null).statusCode()).isEqualTo(401);
        HttpResponse<String> unknown = send("POST", "/api/owners/sessions/7/collect", TOKEN);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("no owner kind 'sessions'");
        assertThat(send("GET", "/api/owners/value/7/collect", null).statusCode()).isEqualTo(405);
        assertThat(store.size()).isEqualTo(50);
    }
}
