package dev.lethe.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Schedule;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.TableSelection.AgeFilter;
import dev.lethe.core.policy.TableSelection.Cutoff;
import dev.lethe.core.policy.TableSelection.TimeUnit;
import dev.lethe.core.policy.UpdateValue;
import dev.lethe.core.store.StoreSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form the loader accepts beyond the DESIGN.md examples (good/everything-else.yaml), and the defaults. */
class AcceptedFormsTest {

    private final Path file = ConfigFiles.resource("good/everything-else.yaml");
    private final LetheConfig config = ConfigLoader.load(file, Map.of());

    @Test
    void envDefaultAppliesWhenTheVariableIsUnset() {
        assertThat(config.state()).isEqualTo("jdbc:postgresql://db.internal:5432/lethe?user=lethe");
        assertThat(ConfigLoader.load(file, Map.of("STATE_USER", "ops")).state()).endsWith("?user=ops");
    }

    @Test
    void storesOfEveryOtherShape() {
        Path directory = file.toAbsolutePath().getParent();
        assertThat(config.stores()).containsExactly(
                Map.entry("warehouse", new StoreSpec("warehouse", "mariadb", Map.of(
                        "url", "jdbc:mariadb://127.0.0.1:3306/warehouse", "timeZone", "+09:00", "user", "root",
                        "password", ""))),
                Map.entry("legacy", new StoreSpec("legacy", "mysql", Map.of("url", "jdbc:mysql://127.0.0.1:3306/legacy"))),
                Map.entry("events", new StoreSpec("events", "sqlite", Map.of("url", "jdbc:sqlite:/var/lib/app/events.db"))),
                Map.entry("sessions", new StoreSpec("sessions", "redis",
                        Map.of("cluster", "redis://10.0.0.1:6379,rediss://10.0.0.2:6379"))),
                Map.entry("uploads", new StoreSpec("uploads", "fs",
                        Map.of("root", directory.resolve("spool/uploads").toString()))));
    }

    @Test
    void updateValuesKeepTheirYamlTypesAndParametersAreRecognised() {
        Policy policy = config.policy("evict-raw").orElseThrow();
        Map<String, UpdateValue> expected = new LinkedHashMap<>();
        expected.put("raw", UpdateValue.literal(null));
        expected.put("evicted_at", UpdateValue.parameter("now"));
        expected.put("expired_before", UpdateValue.parameter("grace"));
        expected.put("evictions", UpdateValue.literal(1L));
        expected.put("ratio", UpdateValue.literal(0.25));
        expected.put("pinned", UpdateValue.literal(false));
        expected.put("note", UpdateValue.literal("evicted by lethe"));
        expected.put("quoted_null", UpdateValue.literal("null"));
        Action.Update update = (Action.Update) policy.action();
        assertThat(update.assignments()).containsExactlyEntriesOf(expected);
    }

    @Test
    void combinedDurationsCutoffsAndEveryAgeUnit() {
        TableSelection selection = (TableSelection) config.policy("evict-raw").orElseThrow().selection();
        assertThat(selection.table()).isEqualTo("analytics.sessions");
        assertThat(selection.key()).isEqualTo("session_uid");
        assertThat(selection.where()).isEmpty();
        assertThat(selection.cutoffs()).containsExactly(
                new Cutoff("grace", Duration.ofMinutes(90)), new Cutoff("ancient", Duration.ofDays(365)));
        assertThat(selection.olderThan()).containsExactly(
                new AgeFilter("ended_at", Duration.ofDays(45), TimeUnit.TIMESTAMP),
                new AgeFilter("created_ms", Duration.ofMillis(500), TimeUnit.EPOCH_MILLIS),
                new AgeFilter("touched", Duration.ofHours(60), TimeUnit.TIMESTAMP));
        assertThat(selection.outcomes()).extracting(TableSelection.Outcome::label).containsExactly("analyzed", "raw");
    }

    @Test
    void cronScheduleWithZoneAndLimitsOverridingOnlyWhatIsGiven() {
        Policy policy = config.policy("evict-raw").orElseThrow();
        assertThat(policy.schedule()).contains(new Schedule.Cron("0 4 * * 1-5", ZoneId.of("Europe/Berlin"), false));
        assertThat(policy.limits()).isEqualTo(Limits.defaults().withMaxFraction(0.2));
    }

    @Test
    void moveToWithJitteredInterval() {
        Policy policy = config.policy("archive-events").orElseThrow();
        assertThat(policy.action()).isEqualTo(Action.moveTo("events_archive"));
        assertThat(policy.schedule()).contains(new Schedule.Every(Duration.ofHours(1), Duration.ofSeconds(30), false));
        assertThat(policy.limits()).isEqualTo(new Limits(250, OptionalLong.empty(), Limits.DEFAULT_MAX_FRACTION,
                Optional.of(Duration.ofMinutes(2))));
    }

    @Test
    void cronWithoutZoneRunsInUtcAndActionDefaultsToDelete() {
        Policy policy = config.policy("nightly-cron").orElseThrow();
        assertThat(policy.schedule()).contains(new Schedule.Cron("30 2 * * *", ZoneOffset.UTC, true));
        assertThat(policy.action()).isEqualTo(Action.delete());
        assertThat(((TableSelection) policy.selection()).where()).contains("1=1");
    }

    @Test
    void stateDefaultsToSqliteAndAConfigMayHaveNoPolicies(@TempDir Path dir) throws Exception {
        Path minimal = Files.writeString(dir.resolve("lethe.yaml"), "stores: { notes: { type: sqlite, path: n.db } }\n");
        LetheConfig loaded = ConfigLoader.load(minimal, Map.of());
        assertThat(loaded.state()).isEqualTo(LetheConfig.DEFAULT_STATE).isEqualTo("jdbc:sqlite:lethe-state.db");
        assertThat(loaded.policies()).isEqualTo(List.of());
        assertThat(loaded.stores().get("notes").settings()).containsEntry("path", dir.resolve("n.db").toString());
    }

    @Test
    void escapedReferenceStaysLiteral(@TempDir Path dir) throws Exception {
        Path escaped = Files.writeString(dir.resolve("lethe.yaml"), """
                stores: { app: { type: postgres, url: "jdbc:postgresql://h/app", password: "$${env:NOT_A_REF}" } }
                """);
        assertThat(ConfigLoader.load(escaped, Map.of()).stores().get("app").settings())
                .containsEntry("password", "${env:NOT_A_REF}");
    }
}
