package dev.lethe.server.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * {@code every: 5m}, optionally with {@code jitter: 30s}: each fire time is the previous one plus the interval,
 * delayed by a random amount between zero and the jitter, so that replicas started together drift apart
 * instead of racing for the same lease at the same moment.
 */
public final class EveryTimetable implements Timetable {

    private final Duration interval;
    private final Duration jitter;
    private final RandomGenerator random;

    EveryTimetable(Duration interval, Duration jitter, RandomGenerator random) {
        this.interval = Objects.requireNonNull(interval, "interval");
        this.jitter = Objects.requireNonNull(jitter, "jitter");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Instant nextAfter(Instant after) {
        Instant nominal = nominalNextAfter(after);
        long jitterMillis = jitter.toMillis();
        return jitterMillis == 0 ? nominal : nominal.plusMillis(random.nextLong(jitterMillis + 1));
    }

    @Override
    public Instant nominalNextAfter(Instant after) {
        return after.plus(interval);
    }

    @Override
    public String describe() {
        return "every " + format(interval) + (jitter.isZero() ? "" : " jitter " + format(jitter));
    }

    private static String format(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
