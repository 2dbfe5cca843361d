package dev.lethe.server.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.policy.Schedule;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CronTimetableTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Timetable cron(String expression, ZoneId zone) {
        return Timetable.of(new Schedule.Cron(expression, zone, false), new Random(1));
    }

    private static List<ZonedDateTime> fires(Timetable timetable, String fromIso, String untilIso, ZoneId zone) {
        List<ZonedDateTime> fires = new ArrayList<>();
        Instant until = Instant.parse(untilIso);
        for (Instant t = timetable.nextAfter(Instant.parse(fromIso)); t.isBefore(until); t = timetable.nextAfter(t)) {
            fires.add(t.atZone(zone));
        }
        return fires;
    }

    @Test
    void dailyJobFiresAtTheLocalTimeOfItsZone() {
        Timetable daily = cron("0 4 * * *", BERLIN);

        assertThat(daily.nextAfter(Instant.parse("2026-01-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-01-11T03:00:00Z"));          // 04:00 CET
        assertThat(daily.nextAfter(Instant.parse("2026-07-10T12:00:00Z")))
                .isEqualTo(Instant.parse("2026-07-11T02:00:00Z"));          // 04:00 CEST
    }

    @Test
    void nextAfterIsStrictlyAfter() {
        Timetable daily = cron("0 4 * * *", BERLIN);
        Instant fire = Instant.parse("2026-01-11T03:00:00Z");

        assertThat(daily.nextAfter(fire)).isEqualTo(Instant.parse("2026-01-12T03:00:00Z"));
    }

    @Test
    void springForwardJobInTheSkippedHourRunsOnceAtTheEndOfTheGap() {
        // 2026-03-29: Berlin jumps from 02:00 CET straight to 03:00 CEST.
        Timetable at0230 = cron("30 2 * * *", BERLIN);

        assertThat(fires(at0230, "2026-03-27T12:00:00Z", "2026-03-31T12:00:00Z", BERLIN)).extracting(Object::toString)
                .containsExactly("2026-03-28T02:30+01:00[Europe/Berlin]",
                        "2026-03-29T03:00+02:00[Europe/Berlin]",
                        "2026-03-30T02:30+02:00[Europe/Berlin]",
                        "2026-03-31T02:30+02:00[Europe/Berlin]");
    }

    @Test
    void springForwardSeveralFireTimesInTheGapCoalesceIntoOneRun() {
        Timetable quarterly = cron("*/15 2-3 * * *", BERLIN);

        assertThat(fires(quarterly, "2026-03-28T23:00:00Z", "2026-03-29T03:00:00Z", BERLIN)).extracting(Object::toString)
                .containsExactly("2026-03-29T03:00+02:00[Europe/Berlin]",
                        "2026-03-29T03:15+02:00[Europe/Berlin]",
                        "2026-03-29T03:30+02:00[Europe/Berlin]",
                        "2026-03-29T03:45+02:00[Europe/Berlin]");
    }

    @Test
    void fallBackJobInTheRepeatedHourRunsOnceAtItsFirstOccurrence() {
        // 2026-10-25: Berlin goes from 03:00 CEST back to 02:00 CET; 02:30 happens twice.
        Timetable at0230 = cron("30 2 * * *", BERLIN);

        assertThat(fires(at0230, "2026-10-24T12:00:00Z", "2026-10-26T12:00:00Z", BERLIN)).extracting(Object::toString)
                .containsExactly("2026-10-25T02:30+02:00[Europe/Berlin]",
                        "2026-10-26T02:30+01:00[Europe/Berlin]");
    }

    @Test
    void fallBackHourlyJobDoesNotRepeatTheRepeatedHour() {
        Timetable hourly = cron("0 * * * *", BERLIN);

        assertThat(fires(hourly, "2026-10-24T23:30:00Z", "2026-10-25T03:30:00Z", BERLIN)).extracting(Object::toString)
                .containsExactly("2026-10-25T02:00+02:00[Europe/Berlin]",
                        "2026-10-25T03:00+01:00[Europe/Berlin]",
                        "2026-10-25T04:00+01:00[Europe/Berlin]");
    }

    @Test
    void startingInsideTheSecondOccurrenceDoesNotRunTheRepeatedHourAgain() {
        Timetable quarterly = cron("*/15 * * * *", BERLIN);
        Instant secondOccurrenceOf0210 = Instant.parse("2026-10-25T01:10:00Z");

        assertThat(quarterly.nextAfter(secondOccurrenceOf0210).atZone(BERLIN).toString())
                .isEqualTo("2026-10-25T03:00+01:00[Europe/Berlin]");
    }

    @Test
    void invalidExpressionsAreRejectedWithTheExpressionInTheMessage() {
        assertThatThrownBy(() -> cron("61 * * * *", BERLIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cron '61 * * * *'");
        assertThatThrownBy(() -> cron("0 0 31 2 *", BERLIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never fires");
    }

    @Test
    void describesItselfAsWritten() {
        assertThat(cron("0 4 * * *", BERLIN).describe()).isEqualTo("cron \"0 4 * * *\" Europe/Berlin");
    }
}
