package dev.lethe.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.owner.OwnerKind;
import dev.lethe.core.owner.OwnerMember;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.KeySelection;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Orphans;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.Schedule;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.UpdateValue;
import dev.lethe.core.store.StoreSpec;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The redis policies and owners of the config contract load into exactly the model they describe. */
class RedisConfigTest {

    private final LetheConfig config = ConfigLoader.load(ConfigFiles.resource("good/redis.yaml"),
            Map.of("APP_DB_PASSWORD", "s3cret-pw"));

    @Test
    void redisStoresStandaloneAndCluster() {
        assertThat(config.stores().get("cache")).isEqualTo(new StoreSpec("cache", "redis",
                Map.of("uri", "redis://127.0.0.1:6379")));
        assertThat(config.stores().get("shards")).isEqualTo(new StoreSpec("shards", "redis",
                Map.of("cluster", "redis://10.0.0.1:6379,redis://10.0.0.2:6379", "scanCount", "500")));
    }

    @Test
    void theDesignsOrphanSweepWithALiveQuery() {
        Policy policy = config.policy("session-orphans").orElseThrow();
        KeySelection keys = (KeySelection) policy.selection();

        assertThat(policy.store()).isEqualTo("cache");
        assertThat(keys.pattern()).isEqualTo("mosaic:session:*");
        assertThat(keys.exclude()).containsExactly("mosaic:channel:*");
        Orphans orphans = keys.orphans().orElseThrow();
        assertThat(orphans.owner().pattern()).isEqualTo("^mosaic:session:(?<owner>[^:]+):");
        assertThat(orphans.live()).isEqualTo(new LiveSource.Query("app", "SELECT id FROM sessions WHERE ended_at IS NULL"));
        assertThat(orphans.minLive()).isEqualTo(1);
        assertThat(policy.action()).isEqualTo(Action.delete());
        assertThat(policy.schedule()).contains(new Schedule.Cron("0 4 * * *", ZoneId.of("Europe/Berlin"), false));
    }

    @Test
    void anOrphanSweepWithALiveSetAndItsOwnFloor() {
        KeySelection keys = (KeySelection) config.policy("live-set-orphans").orElseThrow().selection();

        assertThat(keys.orphans().orElseThrow().live()).isEqualTo(new LiveSource.SetMembers("cache", "mosaic:live"));
        assertThat(keys.orphans().orElseThrow().minLive()).isEqualTo(50);
    }

    @Test
    void keyFiltersTypeIdleAndNoTtl() {
        Policy policy = config.policy("idle-forever-hashes").orElseThrow();

        assertThat(policy.selection()).isEqualTo(new KeySelection("cache:*", List.of(), Optional.of("hash"),
                Optional.of(Duration.ofDays(7)), true, Optional.empty())
                .withOutcome("users", "cache:user:*").withOutcome("other", "*"));
        assertThat(policy.limits()).isEqualTo(Limits.defaults().withBatchSize(2000).withMaxFraction(1.0));
        assertThat(policy.schedule().orElseThrow().atStartup()).isTrue();
    }

    @Test
    void ownerKindsWithTheirMembersInOrder() {
        assertThat(config.owners()).extracting(OwnerKind::name).containsExactly("session", "tenant");
        OwnerKind session = config.owner("session").orElseThrow();

        assertThat(session.members()).containsExactly(
                OwnerMember.delete("cache", KeySelection.matching("mosaic:session:{id}:*")),
                new OwnerMember("app", TableSelection.builder("agent_logs", "id")
                        .where("session_id = :id AND tier = 'hot'").build(),
                        Action.update(Map.of("tier", UpdateValue.literal("warm"))), Limits.defaults().withMaxFraction(1.0)));
        assertThat(config.owner("tenant").orElseThrow().members().get(0).limits())
                .isEqualTo(Limits.defaults().withBatchSize(500).withMaxFraction(1.0));
    }
}
