package dev.lethe.server.schedule;

import dev.lethe.core.policy.Schedule;
import java.time.Instant;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a scheduled policy fires: the next fire time after a given instant.
 *
 * <p>A timetable only answers "when next". Everything about what happens at a fire time — a policy never
 * overlapping itself, missed fire times coalescing into one run — is the scheduler's job, which asks for the
 * next fire time after the one it just handled and, when that is already past, for the next one after now.
 */
public sealed interface Timetable permits EveryTimetable, CronTimetable {

    /**
     * The timetable of {@code schedule}.
     *
     * @param random source of the jitter of {@code every} schedules (tests pass a seeded one)
     * @throws IllegalArgumentException when a cron expression is invalid or never fires, naming it
     */
    static Timetable of(Schedule schedule, RandomGenerator random) {
        Objects.requireNonNull(schedule, "schedule");
        if (schedule instanceof Schedule.Every every) {
            return new EveryTimetable(every.interval(), every.jitter(), random);
        }
        Schedule.Cron cron = (Schedule.Cron) schedule;
        return new CronTimetable(cron.expression(), cron.zone());
    }

    /** The first fire time strictly after {@code after}, jitter included. */
    Instant nextAfter(Instant after);

    /**
     * The first fire time strictly after {@code after} without jitter. The scheduler uses it to decide whether
     * a fire time was missed while the daemon was down: one was if the nominal next fire time after the
     * policy's last run is already past.
     */
    Instant nominalNextAfter(Instant after);

    /** How an operator would write it, e.g. {@code every 5m} or {@code cron "0 4 * * *" Europe/Berlin}. */
    String describe();
}
