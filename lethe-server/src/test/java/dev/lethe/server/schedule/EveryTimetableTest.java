package dev.lethe.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.policy.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EveryTimetableTest {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void withoutJitterFiresEveryInterval() {
        Timetable every = Timetable.of(new Schedule.Every(Duration.ofMinutes(5), Duration.ZERO, false), new Random(7));

        assertThat(every.nextAfter(T0)).isEqualTo(T0.plusSeconds(300));
        assertThat(every.describe()).isEqualTo("every 5m");
    }

    @Test
    void jitterDelaysEachFireTimeByUpToTheJitter() {
        Timetable every = Timetable.of(new Schedule.Every(Duration.ofMinutes(5), Duration.ofSeconds(30), false),
                new Random(7));
        Set<Instant> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Instant next = every.nextAfter(T0);
            assertThat(next).isBetween(T0.plusSeconds(300), T0.plusSeconds(330));
            seen.add(next);
        }
        assertThat(seen).hasSizeGreaterThan(100);
        assertThat(every.nominalNextAfter(T0)).isEqualTo(T0.plusSeconds(300));
        assertThat(every.describe()).isEqualTo("every 5m jitter 30s");
    }
}
