package dev.lethe.core.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keys of a key-value store (Redis/Valkey) matching a glob pattern, walked incrementally ({@code SCAN}),
 * never listed at once.
 *
 * @param pattern        {@code MATCH} glob, e.g. {@code mosaic:session:*}
 * @param exclude        globs of keys never touched, e.g. {@code mosaic:channel:*}
 * @param type           only keys of this type ({@code string}, {@code hash}, {@code list}, {@code set},
 *                       {@code zset}, {@code stream}), or any
 * @param idleLongerThan only keys not read or written for this long ({@code OBJECT IDLETIME})
 * @param withoutTtl     only keys that have no expiry (the ones that would live forever)
 * @param orphans        remove only keys whose owner is not live
 * @param outcomes       label → glob, counted per removed key; the first glob (in order) the key matches wins,
 *                       and a key matching none is removed under no label
 */
public record KeySelection(String pattern, List<String> exclude, Optional<String> type,
                           Optional<Duration> idleLongerThan, boolean withoutTtl, Optional<Orphans> orphans,
                           Map<String, String> outcomes)
        implements Selection {

    private static final List<String> TYPES = List.of("string", "hash", "list", "set", "zset", "stream");

    public KeySelection {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("keys: a pattern is required");
        }
        exclude = List.copyOf(exclude);
        Objects.requireNonNull(type, "type");
        if (type.isPresent() && !TYPES.contains(type.get())) {
            throw new IllegalArgumentException("key type '" + type.get() + "' is not one of " + TYPES);
        }
        Objects.requireNonNull(idleLongerThan, "idleLongerThan");
        if (idleLongerThan.isPresent() && idleLongerThan.get().isNegative()) {
            throw new IllegalArgumentException("idleLongerThan must not be negative, was " + idleLongerThan.get());
        }
        Objects.requireNonNull(orphans, "orphans");
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        outcomes.forEach((label, glob) -> {
            if (label == null || label.isBlank() || glob == null || glob.isBlank()) {
                throw new IllegalArgumentException("key outcome needs a label and a glob, was " + label + " → " + glob);
            }
        });
    }

    /** A selection without outcome labels. */
    public KeySelection(String pattern, List<String> exclude, Optional<String> type, Optional<Duration> idleLongerThan,
                        boolean withoutTtl, Optional<Orphans> orphans) {
        this(pattern, exclude, type, idleLongerThan, withoutTtl, orphans, Map.of());
    }

    /** All keys matching {@code pattern}, no filters. */
    public static KeySelection matching(String pattern) {
        return new KeySelection(pattern, List.of(), Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    public KeySelection excluding(List<String> globs) {
        return new KeySelection(pattern, globs, type, idleLongerThan, withoutTtl, orphans, outcomes);
    }

    public KeySelection ofType(String keyType) {
        return new KeySelection(pattern, exclude, Optional.of(keyType), idleLongerThan, withoutTtl, orphans, outcomes);
    }

    public KeySelection idleLongerThan(Duration idle) {
        return new KeySelection(pattern, exclude, type, Optional.of(idle), withoutTtl, orphans, outcomes);
    }

    public KeySelection withoutTtlOnly() {
        return new KeySelection(pattern, exclude, type, idleLongerThan, true, orphans, outcomes);
    }

    /** Counts removed keys matching {@code glob} under {@code label} (after the labels already added). */
    public KeySelection withOutcome(String label, String glob) {
        Map<String, String> more = new LinkedHashMap<>(outcomes);
        if (more.putIfAbsent(label, glob) != null) {
            throw new IllegalArgumentException("outcome '" + label + "' is listed twice");
        }
        return new KeySelection(pattern, exclude, type, idleLongerThan, withoutTtl, orphans, more);
    }

    public KeySelection orphansOf(Orphans rule) {
        return new KeySelection(pattern, exclude, type, idleLongerThan, withoutTtl, Optional.of(rule), outcomes);
    }

    /** The placeholder of an owner template, e.g. {@code mosaic:session:{id}:*}. */
    public static final String OWNER_PLACEHOLDER = "{id}";

    /**
     * Replaces {@value #OWNER_PLACEHOLDER} in the pattern with {@code ownerId}, its glob metacharacters
     * ({@code * ? [ ] \}) escaped so that an id like {@code *} matches only itself.
     */
    @Override
    public KeySelection forOwner(String ownerId) {
        if (!pattern.contains(OWNER_PLACEHOLDER)) {
            throw new IllegalArgumentException("keys '" + pattern + "' must contain " + OWNER_PLACEHOLDER
                    + " to select one owner's keys");
        }
        if (ownerId == null || ownerId.isEmpty()) {
            throw new IllegalArgumentException("an owner id must not be empty");
        }
        String escaped = ownerId.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
        return new KeySelection(pattern.replace(OWNER_PLACEHOLDER, escaped), exclude, type, idleLongerThan, withoutTtl,
                orphans, outcomes);
    }

    @Override
    public String describe() {
        return "keys " + pattern;
    }

    @Override
    public Optional<Orphans> orphanRule() {
        return orphans;
    }
}
