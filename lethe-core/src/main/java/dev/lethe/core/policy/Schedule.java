package dev.lethe.core.policy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/** When the daemon runs a policy. The CLI ignores schedules: {@code lethe run} runs once, now. */
public sealed interface Schedule permits Schedule.Every, Schedule.Cron {

    /** Whether the daemon runs the policy once as soon as it starts (a cold-start pass). */
    boolean atStartup();

    /**
     * A fixed interval.
     *
     * @param interval time between runs
     * @param jitter   random extra delay up to this much, so replicas do not tick in lockstep
     */
    record Every(Duration interval, Duration jitter, boolean atStartup) implements Schedule {
        public Every {
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(jitter, "jitter");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("schedule interval must be positive, was " + interval);
            }
            if (jitter.isNegative()) {
                throw new IllegalArgumentException("schedule jitter must not be negative, was " + jitter);
            }
        }
    }

    /**
     * A five-field cron expression evaluated in {@code zone}.
     *
     * @param expression e.g. {@code 0 4 * * *}
     */
    record Cron(String expression, ZoneId zone, boolean atStartup) implements Schedule {
        public Cron {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(zone, "zone");
            if (expression.trim().split("\\s+").length != 5) {
                throw new IllegalArgumentException("cron expression must have 5 fields, was '" + expression + "'");
            }
        }
    }
}
