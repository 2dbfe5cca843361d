package dev.lethe.core.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rows of one table of a SQL store.
 *
 * <p>The predicate is the conjunction of {@code where} and every {@code olderThan} filter. {@code where} is
 * SQL written by the policy's author and may use named parameters: {@code :now} (the frozen reference time
 * of the run) and one {@code :name} per {@link Cutoff}. Parameters are bound, never spliced.
 *
 * @param table     table name, optionally schema-qualified ({@code audit.events})
 * @param key       the single key column walked in ranges (keyset batching)
 * @param where     author's predicate, or empty
 * @param cutoffs   named reference times {@code now - age}
 * @param olderThan age filters ({@code created_at < now - 24h})
 * @param outcomes  labels counted per processed row; the first matching label wins
 * @param cascades   dependent rows removed in the same transaction as each batch
 * @param parameters further named values bound as {@code :name} — e.g. {@code :id}, the owner whose rows
 *                   {@code lethe collect} removes ({@link #forOwner(String)}); strings, numbers or booleans
 */
public record TableSelection(String table, String key, Optional<String> where, List<Cutoff> cutoffs,
                             List<AgeFilter> olderThan, List<Outcome> outcomes, List<Cascade> cascades,
                             Map<String, Object> parameters)
        implements Selection {

    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern OWNER_PARAMETER = Pattern.compile(":id(?![A-Za-z0-9_])");

    /** A selection without extra parameters. */
    public TableSelection(String table, String key, Optional<String> where, List<Cutoff> cutoffs,
                          List<AgeFilter> olderThan, List<Outcome> outcomes, List<Cascade> cascades) {
        this(table, key, where, cutoffs, olderThan, outcomes, cascades, Map.of());
    }

    public TableSelection {
        requireText(table, "table");
        requireText(key, "key");
        Objects.requireNonNull(where, "where");
        cutoffs = List.copyOf(cutoffs);
        olderThan = List.copyOf(olderThan);
        outcomes = List.copyOf(outcomes);
        cascades = List.copyOf(cascades);
        Set<String> names = new LinkedHashSet<>();
        for (Cutoff cutoff : cutoffs) {
            if (!PARAMETER_NAME.matcher(cutoff.name()).matches()) {
                throw new IllegalArgumentException("cutoff name '" + cutoff.name() + "' must be an identifier");
            }
            if (cutoff.name().equals("now") || cutoff.name().equals("keys") || !names.add(cutoff.name())) {
                throw new IllegalArgumentException("cutoff name '" + cutoff.name() + "' is reserved or used twice");
            }
        }
        Set<String> labels = new LinkedHashSet<>();
        for (Outcome outcome : outcomes) {
            if (!labels.add(outcome.label())) {
                throw new IllegalArgumentException("outcome '" + outcome.label() + "' is listed twice");
            }
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!PARAMETER_NAME.matcher(name).matches() || name.equals("now") || name.equals("keys") || !names.add(name)) {
                throw new IllegalArgumentException("parameter name '" + name + "' must be an identifier other than now,"
                        + " keys and the cutoff names");
            }
            Object value = parameter.getValue();
            if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                throw new IllegalArgumentException("parameter '" + name + "' must be a string, number or boolean");
            }
        }
        if (where.isEmpty() && olderThan.isEmpty()) {
            throw new IllegalArgumentException("table " + table + ": a selection needs 'where' or 'olderThan';"
                    + " to match every row write where: \"1=1\" explicitly");
        }
    }

    /** Starts a selection over {@code table} keyed by {@code key}. */
    public static Builder builder(String table, String key) {
        return new Builder(table, key);
    }

    @Override
    public String describe() {
        return "table " + table;
    }

    /**
     * This selection with {@code :id} bound to {@code ownerId}. The template's {@code where} must use
     * {@code :id}: without it the selection would match every owner's rows.
     */
    @Override
    public TableSelection forOwner(String ownerId) {
        if (where.isEmpty() || !OWNER_PARAMETER.matcher(where.get()).find()) {
            throw new IllegalArgumentException("table " + table + ": where must use :id (the owner's id) to select one"
                    + " owner's rows");
        }
        if (ownerId == null || ownerId.isEmpty()) {
            throw new IllegalArgumentException("an owner id must not be empty");
        }
        Map<String, Object> bound = new LinkedHashMap<>(parameters);
        bound.put("id", ownerId);
        return new TableSelection(table, key, where, cutoffs, olderThan, outcomes, cascades, bound);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("table selection: " + what + " must be set");
        }
    }

    /**
     * A named reference time: {@code :name} is bound to {@code now - age}.
     *
     * @param name parameter name used in {@code where} and outcomes
     * @param age  how far before the run's reference time
     */
    public record Cutoff(String name, Duration age) {
        public Cutoff {
            Objects.requireNonNull(name, "name");
            requireNonNegative(age, "cutoff " + name);
        }
    }

    /**
     * {@code column < now - age}, where {@code column} holds a timestamp or an epoch number.
     *
     * @param column column name
     * @param age    minimum age of matched rows
     * @param unit   how the column stores time
     */
    public record AgeFilter(String column, Duration age, TimeUnit unit) {
        public AgeFilter {
            requireText(column, "olderThan column");
            requireNonNegative(age, "olderThan " + column);
            Objects.requireNonNull(unit, "unit");
        }
    }

    /** How a column stores a point in time. */
    public enum TimeUnit {
        /** A native date/time column (timestamp, timestamptz, datetime, or ISO text in SQLite). */
        TIMESTAMP,
        /** Seconds since the Unix epoch. */
        EPOCH_SECONDS,
        /** Milliseconds since the Unix epoch. */
        EPOCH_MILLIS
    }

    /**
     * A label counted for every processed row for which {@code predicate} holds.
     *
     * @param label     name in the report, e.g. {@code acked}
     * @param predicate SQL boolean expression over the row
     */
    public record Outcome(String label, String predicate) {
        public Outcome {
            requireText(label, "outcome label");
            requireText(predicate, "outcome '" + label + "' predicate");
        }
    }

    /**
     * Dependent rows removed with each batch, in the same transaction and before the batch itself (so foreign
     * keys hold). {@code :keys} in {@code where} stands for the keys of the batch.
     *
     * @param store store of the dependent table; must be the policy's own store
     * @param table dependent table
     * @param where predicate using {@code :keys}, e.g. {@code observation_id IN (:keys)}
     */
    public record Cascade(String store, String table, String where) {
        public Cascade {
            requireText(store, "cascade store");
            requireText(table, "cascade table");
            requireText(where, "cascade where");
            if (!where.contains(":keys")) {
                throw new IllegalArgumentException("cascade to " + table + ": where must use :keys (the batch's keys)");
            }
        }
    }

    private static void requireNonNegative(Duration age, String what) {
        Objects.requireNonNull(age, what);
        if (age.isNegative()) {
            throw new IllegalArgumentException(what + ": age must not be negative, was " + age);
        }
    }

    /** Fluent builder for {@link TableSelection}. */
    public static final class Builder {
        private final String table;
        private final String key;
        private String where;
        private final List<Cutoff> cutoffs = new ArrayList<>();
        private final List<AgeFilter> olderThan = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();
        private final List<Cascade> cascades = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        private Builder(String table, String key) {
            this.table = table;
            this.key = key;
        }

        public Builder where(String predicate) {
            this.where = predicate;
            return this;
        }

        public Builder cutoff(String name, Duration age) {
            cutoffs.add(new Cutoff(name, age));
            return this;
        }

        public Builder olderThan(String column, Duration age) {
            return olderThan(column, age, TimeUnit.TIMESTAMP);
        }

        public Builder olderThan(String column, Duration age, TimeUnit unit) {
            olderThan.add(new AgeFilter(column, age, unit));
            return this;
        }

        public Builder outcome(String label, String predicate) {
            outcomes.add(new Outcome(label, predicate));
            return this;
        }

        public Builder cascade(String store, String table, String where) {
            cascades.add(new Cascade(store, table, where));
            return this;
        }

        /** Binds {@code :name} to {@code value} (a string, number or boolean). */
        public Builder parameter(String name, Object value) {
            parameters.put(name, value);
            return this;
        }

        public TableSelection build() {
            return new TableSelection(table, key, Optional.ofNullable(where).filter(w -> !w.isBlank()),
                    cutoffs, olderThan, outcomes, cascades, parameters);
        }
    }
}
