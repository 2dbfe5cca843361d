package dev.lethe.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand. With {@link #autoAdvance(Duration)} every reading moves it forward, which lets
 * a test drive the engine's timeout deterministically ("each batch takes 10 s") without sleeping.
 */
public final class ManualClock extends Clock {

    private volatile Instant now;
    private volatile Duration step = Duration.ZERO;

    public ManualClock(Instant start) {
        this.now = start;
    }

    public static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant));
    }

    /** Moves the clock forward. */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Makes every later reading advance the clock by {@code perReading} after returning the current time. */
    public ManualClock autoAdvance(Duration perReading) {
        this.step = perReading;
        return this;
    }

    @Override
    public synchronized Instant instant() {
        Instant current = now;
        now = now.plus(step);
        return current;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("ManualClock is always UTC; engine code must not depend on a zone");
    }
}
