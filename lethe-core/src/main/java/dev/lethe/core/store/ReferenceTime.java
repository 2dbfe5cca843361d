package dev.lethe.core.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A run's frozen "now", read from the store's clock.
 *
 * <p>It carries both the instant and the store's local wall-clock reading, because stores disagree on what a
 * timestamp column means: PostgreSQL compares {@code timestamptz} values as instants, while MariaDB compares
 * {@code DATETIME} values as wall-clock readings in the session's zone. A dialect binds whichever one makes
 * {@code column < :cutoff} mean exactly what {@code column < NOW() - INTERVAL ...} means in that store.
 *
 * @param instant the store's current instant
 * @param local   the store's current wall-clock reading in its session time zone
 */
public record ReferenceTime(Instant instant, LocalDateTime local) {

    public ReferenceTime {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(local, "local");
    }

    /** This reference time moved back by {@code age} (both readings). */
    public ReferenceTime minus(Duration age) {
        return new ReferenceTime(instant.minus(age), local.minus(age));
    }
}
