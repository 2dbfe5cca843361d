package dev.lethe.jdbc.internal;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.policy.TableSelection.AgeFilter;
import dev.lethe.core.policy.TableSelection.Cascade;
import dev.lethe.core.policy.TableSelection.Outcome;
import dev.lethe.core.policy.UpdateValue;
import dev.lethe.core.store.ReferenceTime;
import dev.lethe.jdbc.dialect.Dialect;
import dev.lethe.jdbc.dialect.TableName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A table policy turned into checked, quoted SQL fragments for one run: the predicate with its parameters bound
 * to values computed from the frozen reference time, the outcome expression, the cascades and the action's
 * assignments. Only identifiers from the config are quoted into the text; every value is a bound parameter.
 *
 * <p>The outcome expression yields {@code 1..n} for the first matching outcome label and {@code 0} for a row
 * that matches none: such rows are processed and counted in {@code matched} but under no label.
 */
public final class CompiledPolicy {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final String KEYS = "keys";

    final PolicyOnStore names;
    final Action action;
    /** The table, quoted and possibly schema-qualified. */
    final String table;
    /** The table's unqualified quoted name, to refer to its rows as a whole. */
    final String rowName;
    /** The table as the dialect's catalog checks need it. */
    final TableName tableName;
    final String key;
    final Sql predicate;
    final Sql outcome;
    final List<String> labels;
    final List<CompiledCascade> cascades;
    /** {@code col = ?, ...} for an update; empty text otherwise. */
    final Sql assignments;
    /** The quoted destination table of a move; null otherwise. */
    final String destination;
    /** The quoted columns copied by a move; empty otherwise. */
    final List<String> movedColumns;
    /** Rows per batch the policy asks for. */
    final int batchSize;

    private final Dialect dialect;
    private final Map<String, Object> values = new HashMap<>();

    /**
     * Compiles {@code selection} of {@code policy} for a run at {@code now}.
     *
     * @param sourceColumns the source table's columns, needed by a move (empty for other actions)
     * @throws dev.lethe.core.store.PolicyRejectedException for a bad identifier, an unknown parameter, or a
     *         cascade this store cannot run
     */
    public CompiledPolicy(Policy policy, TableSelection selection, Dialect dialect, ReferenceTime now,
                          PolicyOnStore names, List<String> sourceColumns) {
        this.names = names;
        this.dialect = dialect;
        this.action = policy.action();
        values.put("now", dialect.timestampValue(now));
        selection.cutoffs().forEach(c -> values.put(c.name(), dialect.timestampValue(now.minus(c.age()))));
        // Further named values, e.g. :id, the owner `lethe collect` removes; bound like everything else.
        values.putAll(selection.parameters());
        this.table = qualifiedName(selection.table(), "table");
        String[] parts = selection.table().split("\\.");
        this.rowName = dialect.quote(parts[parts.length - 1]);
        this.tableName = new TableName(parts.length == 2 ? Optional.of(parts[0]) : Optional.empty(),
                parts[parts.length - 1], table);
        this.batchSize = policy.limits().batchSize();
        this.key = column(selection.key(), "key");
        this.predicate = predicate(selection, now);
        this.labels = selection.outcomes().stream().map(Outcome::label).toList();
        this.outcome = outcome(selection.outcomes());
        this.cascades = selection.cascades().stream().map(this::cascade).toList();
        this.assignments = action instanceof Action.Update update ? assignments(update) : Sql.of("");
        this.destination = action instanceof Action.MoveTo move ? qualifiedName(move.table(), "moveTo table") : null;
        this.movedColumns = sourceColumns.stream().map(dialect::quote).toList();
    }

    private Sql predicate(TableSelection selection, ReferenceTime now) {
        List<Sql> parts = new ArrayList<>();
        selection.where().ifPresent(where -> parts.add(Sql.concat("(", authorSql(where, "where"), ")")));
        for (AgeFilter filter : selection.olderThan()) {
            parts.add(Sql.concat(column(filter.column(), "olderThan column"), " < ", Sql.param(cutoff(filter, now))));
        }
        return Sql.concat("(", Sql.join(" AND ", parts), ")");
    }

    private Object cutoff(AgeFilter filter, ReferenceTime now) {
        Instant cutoff = now.instant().minus(filter.age());
        return switch (filter.unit()) {
            case TIMESTAMP -> dialect.timestampValue(now.minus(filter.age()));
            case EPOCH_SECONDS -> cutoff.getEpochSecond();
            case EPOCH_MILLIS -> cutoff.toEpochMilli();
        };
    }

    private Sql outcome(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Sql.of("0");
        }
        List<Object> parts = new ArrayList<>();
        parts.add("CASE");
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            parts.add(Sql.concat(" WHEN (", authorSql(o.predicate(), "outcome '" + o.label() + "'"), ") THEN ", i + 1));
        }
        parts.add(" ELSE 0 END");
        return Sql.concat(parts.toArray());
    }

    private CompiledCascade cascade(Cascade cascade) {
        if (!cascade.store().equals(names.store())) {
            throw names.rejected("then: cascades to another store ('" + cascade.store() + "') are not supported;"
                    + " only dependent tables of the same store can be removed with a batch", null);
        }
        NamedParameters where = parse(cascade.where(), "then: " + cascade.table() + " where");
        for (int i = 0; i < where.names().size(); i++) {
            boolean wrapped = where.textBefore(i).stripTrailing().endsWith("(")
                    && where.textBefore(i + 1).stripLeading().startsWith(")");
            if (where.names().get(i).equals(KEYS) && !wrapped) {
                throw names.rejected("then: " + cascade.table() + ": write :keys inside parentheses, e.g."
                        + " \"parent_id IN (:keys)\" (it stands for a subquery of the batch's keys)", null);
            }
        }
        return new CompiledCascade(cascade.table(), qualifiedName(cascade.table(), "then: table"), where);
    }

    /** The cascade's predicate with {@code :keys} replaced by {@code keys}, a subquery of the batch's keys. */
    Sql cascadeWhere(CompiledCascade cascade, Sql keys) {
        return cascade.where().expand(name -> name.equals(KEYS) ? keys : value(name, "then: " + cascade.name()));
    }

    private Sql assignments(Action.Update update) {
        List<Sql> parts = new ArrayList<>();
        update.assignments().forEach((col, value) -> parts.add(Sql.concat(column(col, "update column"), " = ",
                value instanceof UpdateValue.Parameter parameter
                        ? value(parameter.name(), "update of " + col)
                        : Sql.param(((UpdateValue.Literal) value).value()))));
        return Sql.join(", ", parts);
    }

    private Sql authorSql(String sql, String where) {
        return parse(sql, where).expand(name -> value(name, where));
    }

    private NamedParameters parse(String sql, String where) {
        try {
            return NamedParameters.parse(sql, dialect.syntax());
        } catch (IllegalArgumentException e) {
            throw names.rejected(where + ": " + e.getMessage(), e);
        }
    }

    private Sql value(String name, String where) {
        if (!values.containsKey(name)) {
            String hint = name.equals(KEYS) ? " (:keys is only known in a then: cascade)" : "";
            throw names.rejected(where + ": unknown parameter :" + name + hint + "; known: "
                    + values.keySet().stream().sorted().map(n -> ":" + n).toList(), null);
        }
        return Sql.param(values.get(name));
    }

    private String column(String name, String what) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw names.rejected(what + " '" + name + "' must be a single column name matching " + IDENTIFIER, null);
        }
        return dialect.quote(name);
    }

    private String qualifiedName(String name, String what) {
        return quoteTable(name, what, dialect, names);
    }

    /**
     * Checks and quotes a table name from the config.
     *
     * @throws dev.lethe.core.store.PolicyRejectedException when it is not {@code table} or {@code schema.table}
     */
    static String quoteTable(String name, String what, Dialect dialect, PolicyOnStore names) {
        String[] parts = name.split("\\.", -1);
        if (parts.length > 2 || !List.of(parts).stream().allMatch(p -> IDENTIFIER.matcher(p).matches())) {
            throw names.rejected(what + " '" + name + "' must be a table name, optionally schema-qualified"
                    + " (schema.table), each part matching " + IDENTIFIER, null);
        }
        return String.join(".", List.of(parts).stream().map(dialect::quote).toList());
    }

    /**
     * A compiled {@code then:} cascade.
     *
     * @param name   the dependent table as configured, for reports
     * @param quoted the dependent table, quoted
     * @param where  its predicate, still holding {@code :keys}
     */
    record CompiledCascade(String name, String quoted, NamedParameters where) {
    }
}
