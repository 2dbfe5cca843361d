package dev.lethe.core.policy;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How carefully a policy runs.
 *
 * <p>{@code maxItems} and {@code maxFraction} are guards: when the plan of a run matches more items than
 * {@code maxItems}, or a larger share of the store than {@code maxFraction}, the run is refused before any
 * change. The default {@code maxFraction} is {@value #DEFAULT_MAX_FRACTION}: a policy that would remove most
 * of a table is far more often a broken predicate than an intention, so it has to be allowed explicitly.
 *
 * @param batchSize   items per batch; each batch is atomic in the store
 * @param maxItems    refuse the run if more items match; empty means no limit
 * @param maxFraction refuse the run if matched / total exceeds this (0 &lt; f &le; 1)
 * @param timeout     stop cleanly between batches once this much time has passed; the rest is reported as backlog
 */
public record Limits(int batchSize, OptionalLong maxItems, double maxFraction, Optional<Duration> timeout) {

    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final double DEFAULT_MAX_FRACTION = 0.5;

    public Limits {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(maxItems, "maxItems");
        if (maxItems.isPresent() && maxItems.getAsLong() < 0) {
            throw new IllegalArgumentException("maxItems must not be negative, was " + maxItems.getAsLong());
        }
        if (!(maxFraction > 0.0 && maxFraction <= 1.0)) {
            throw new IllegalArgumentException("maxFraction must be in (0, 1], was " + maxFraction);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout.get());
        }
    }

    /**
     * Whether a guard could refuse a run, so the run must count its matches before the first change. Without
     * {@code maxItems} and with {@code maxFraction} 1.0 no count can refuse, and an executing run skips it: the
     * count is a whole extra pass over the store, as long as a third of the sweep itself.
     */
    public boolean guardsNeedCount() {
        return maxItems.isPresent() || maxFraction < 1.0;
    }

    /** Batches of {@value #DEFAULT_BATCH_SIZE}, no item limit, maxFraction {@value #DEFAULT_MAX_FRACTION}, no timeout. */
    public static Limits defaults() {
        return new Limits(DEFAULT_BATCH_SIZE, OptionalLong.empty(), DEFAULT_MAX_FRACTION, Optional.empty());
    }

    public Limits withBatchSize(int size) {
        return new Limits(size, maxItems, maxFraction, timeout);
    }

    public Limits withMaxItems(long items) {
        return new Limits(batchSize, OptionalLong.of(items), maxFraction, timeout);
    }

    public Limits withMaxFraction(double fraction) {
        return new Limits(batchSize, maxItems, fraction, timeout);
    }

    public Limits withTimeout(Duration value) {
        return new Limits(batchSize, maxItems, maxFraction, Optional.of(value));
    }
}
