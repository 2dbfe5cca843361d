package dev.lethe.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Schedule;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.TableSelection.AgeFilter;
import dev.lethe.core.policy.TableSelection.Cascade;
import dev.lethe.core.policy.TableSelection.Cutoff;
import dev.lethe.core.policy.TableSelection.Outcome;
import dev.lethe.core.policy.TableSelection.TimeUnit;
import dev.lethe.core.policy.UpdateValue;
import dev.lethe.core.store.StoreSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The SQL examples of the config contract in DESIGN.md load into exactly the model they describe. */
class DesignExamplesTest {

    private static final Map<String, String> ENV = Map.of("APP_DB_PASSWORD", "s3cret-pw");

    private final Path file = ConfigFiles.resource("good/design-sql.yaml");
    private final LetheConfig config = ConfigLoader.load(file, ENV);

    @Test
    void stateAndStoresInTheOrderWritten() {
        assertThat(config.file()).isEqualTo(file);
        assertThat(config.state()).isEqualTo("jdbc:sqlite:lethe-state.db");
        assertThat(config.stores().keySet()).containsExactly("app", "cache", "notes", "scratch", "engine");
        assertThat(config.stores().get("app")).isEqualTo(new StoreSpec("app", "postgres", Map.of(
                "url", "jdbc:postgresql://127.0.0.1:5432/app", "user", "app", "password", "s3cret-pw")));
        assertThat(config.stores().get("cache"))
                .isEqualTo(new StoreSpec("cache", "redis", Map.of("uri", "redis://127.0.0.1:6379")));
        assertThat(config.stores().get("scratch"))
                .isEqualTo(new StoreSpec("scratch", "fs", Map.of("root", "/var/lib/app/tmp")));
        assertThat(config.stores().get("engine"))
                .isEqualTo(new StoreSpec("engine", "docker", Map.of("host", "unix:///var/run/docker.sock")));
    }

    @Test
    void sqlitePathIsResolvedAgainstTheConfigDirectory() {
        Path expected = file.toAbsolutePath().getParent().resolve("data/notes.db").normalize();
        assertThat(config.stores().get("notes"))
                .isEqualTo(new StoreSpec("notes", "sqlite", Map.of("path", expected.toString())));
    }

    @Test
    void policiesInTheOrderWritten() {
        assertThat(config.policies()).extracting(Policy::name)
                .containsExactly("pending-uploads", "demote-logs", "old-notes");
        assertThat(config.policy("demote-logs")).containsSame(config.policies().get(1));
        assertThat(config.policy("session-orphans")).isEmpty();
    }

    @Test
    void pendingUploads() {
        Policy policy = config.policy("pending-uploads").orElseThrow();
        assertThat(policy.store()).isEqualTo("app");
        assertThat(policy.selection()).isEqualTo(new TableSelection("pending_uploads", "id",
                Optional.of("(acked_at < :ackRetention) OR (acked_at IS NULL AND expires_at < :now)"),
                List.of(new Cutoff("ackRetention", Duration.ofHours(1))),
                List.of(),
                List.of(new Outcome("acked", "acked_at IS NOT NULL"), new Outcome("expired", "acked_at IS NULL")),
                List.of()));
        assertThat(policy.action()).isEqualTo(Action.delete());
        assertThat(policy.schedule()).contains(new Schedule.Every(Duration.ofMinutes(5), Duration.ZERO, true));
        assertThat(policy.limits()).isEqualTo(new Limits(5000, OptionalLong.of(2_000_000), 1.0,
                Optional.of(Duration.ofSeconds(30))));
    }

    @Test
    void demoteLogs() {
        Policy policy = config.policy("demote-logs").orElseThrow();
        assertThat(policy.store()).isEqualTo("app");
        assertThat(policy.selection()).isEqualTo(new TableSelection("agent_logs", "id", Optional.of("tier = 'hot'"),
                List.of(), List.of(new AgeFilter("created_at", Duration.ofHours(24), TimeUnit.TIMESTAMP)),
                List.of(), List.of()));
        assertThat(policy.action()).isEqualTo(Action.update(Map.of("tier", UpdateValue.literal("warm"))));
        assertThat(policy.schedule()).isEmpty();
        assertThat(policy.limits()).isEqualTo(Limits.defaults());
    }

    @Test
    void oldNotesWithItsCascade() {
        Policy policy = config.policy("old-notes").orElseThrow();
        assertThat(policy.store()).isEqualTo("notes");
        assertThat(policy.selection()).isEqualTo(new TableSelection("observations", "id", Optional.empty(), List.of(),
                List.of(new AgeFilter("created_at_epoch", Duration.ofDays(90), TimeUnit.EPOCH_SECONDS)),
                List.of(),
                List.of(new Cascade("notes", "observation_vectors", "observation_id IN (:keys)"))));
        assertThat(policy.action()).isEqualTo(Action.delete());
        assertThat(policy.schedule()).isEmpty();
        assertThat(policy.limits()).isEqualTo(Limits.defaults());
    }

    @Test
    void theFullContractIsRecognisedAndStopsAtTheFirstPolicyThisVersionDoesNotRun() {
        Path full = ConfigFiles.resource("good/design-full.yaml");
        assertThatThrownBy(() -> ConfigLoader.load(full, ENV))
                .isInstanceOf(ConfigException.class)
                .hasMessage(full + ":41:3: policy 'temp-files': fs policies are not supported by this version yet");
    }
}
