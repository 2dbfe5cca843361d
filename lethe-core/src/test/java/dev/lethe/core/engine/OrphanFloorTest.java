package dev.lethe.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Orphans;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The inventory floor: an orphan sweep whose live source is empty or broken changes nothing. */
class OrphanFloorTest {

    private final ListStore store = new ListStore(100, Instant.parse("2026-01-01T00:00:00Z"));

    private RunReport sweep(int minLive) {
        Orphans rule = new Orphans(Pattern.compile("(?<owner>.*)"), new LiveSource.SetMembers("list", "live"), minLive);
        Policy policy = Policy.builder("orphans").store("list").selection(new ListStore.OrphanSelection(rule))
                .limits(Limits.defaults().withMaxFraction(1.0)).build();
        try (Engine engine = Engine.builder().stores(new StoreRegistry(List.of()).add(store)).build()) {
            return engine.run(policy, RunMode.EXECUTE);
        }
    }

    @Test
    void anEmptyLiveSourceRefusesTheSweepInsteadOfDeletingEverything() {
        RunReport report = sweep(1);

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.warnings()).singleElement().asString().contains("lists 0 owners, below minLive 1");
        assertThat(store.items).hasSize(100);
    }

    @Test
    void aFailingLiveSourceRefusesTheSweep() {
        store.liveSourceDown = true;

        RunReport report = sweep(1);

        assertThat(report.status()).isEqualTo(RunStatus.REFUSED);
        assertThat(report.warnings()).singleElement().asString().contains("failed: live source unreachable");
        assertThat(store.items).hasSize(100);
    }

    @Test
    void aLiveSourceBelowTheFloorRefuses() {
        store.live = Set.of("1", "2");

        assertThat(sweep(3).status()).isEqualTo(RunStatus.REFUSED);
        assertThat(store.items).hasSize(100);
    }

    @Test
    void aHealthyLiveSourceSweepsOnlyOrphans() {
        store.live = IntStream.rangeClosed(1, 60).mapToObj(String::valueOf).collect(Collectors.toSet());

        RunReport report = sweep(10);

        assertThat(report.status()).isEqualTo(RunStatus.OK);
        assertThat(report.deleted()).isEqualTo(40);
        assertThat(store.items.keySet()).allMatch(k -> k <= 60);
    }
}
