package dev.lethe.config.internal;

import dev.lethe.core.policy.Limits;
import java.time.Duration;
import java.util.List;

/**
 * Reads {@code limits:} on top of {@link Limits#defaults()}. Out-of-range numbers are errors with the value,
 * never clamped: for a deletion engine a "corrected" guard is a guard that did not hold.
 */
final class LimitsReader {

    private static final List<String> KEYS = List.of("batchSize", "maxItems", "maxFraction", "timeout");

    private LimitsReader() {
    }

    static Limits read(Section limits) {
        limits.expectKeys(KEYS);
        Limits result = Limits.defaults();
        if (limits.has("batchSize")) {
            long batchSize = limits.integer("batchSize").orElseThrow();
            if (batchSize < 1 || batchSize > Integer.MAX_VALUE) {
                throw invalid(limits, "batchSize", "must be between 1 and " + Integer.MAX_VALUE + ", was " + batchSize);
            }
            result = result.withBatchSize((int) batchSize);
        }
        if (limits.has("maxItems")) {
            long maxItems = limits.integer("maxItems").orElseThrow();
            if (maxItems < 0) {
                throw invalid(limits, "maxItems", "must not be negative, was " + maxItems);
            }
            result = result.withMaxItems(maxItems);
        }
        if (limits.has("maxFraction")) {
            double maxFraction = limits.decimal("maxFraction").orElseThrow();
            if (!(maxFraction > 0.0 && maxFraction <= 1.0)) {
                throw invalid(limits, "maxFraction", "must be in (0, 1], was " + limits.requireText("maxFraction").shown()
                        + "; it is the largest share of the store one run may match (1.0 allows all of it)");
            }
            result = result.withMaxFraction(maxFraction);
        }
        if (limits.has("timeout")) {
            Duration timeout = limits.duration("timeout").orElseThrow();
            if (timeout.isZero()) {
                throw invalid(limits, "timeout", "must be longer than 0s");
            }
            result = result.withTimeout(timeout);
        }
        return result;
    }

    private static RuntimeException invalid(Section limits, String key, String problem) {
        return limits.error(limits.entry(key).orElseThrow().value(), limits.path(key) + " " + problem);
    }
}
