package dev.lethe.jdbc.internal;

import dev.lethe.jdbc.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The statements of one policy over one table, built from a {@link CompiledPolicy}: the plan's queries, the
 * keyset cursor's bound query, and the pieces every batch is made of. Every statement re-states the predicate,
 * so a row that stopped matching is never touched, whatever was planned or counted before.
 */
public final class SweepStatements {

    final CompiledPolicy policy;
    final Dialect dialect;

    public SweepStatements(CompiledPolicy policy, Dialect dialect) {
        this.policy = policy;
        this.dialect = dialect;
    }

    /** {@code <range> AND (<predicate>)}. */
    Sql where(KeyRange range) {
        List<Sql> conditions = new ArrayList<>(range.conditions(policy.key));
        conditions.add(policy.predicate);
        return Sql.join(" AND ", conditions);
    }

    /** {@code FROM table WHERE <range> AND (<predicate>)}. */
    Sql fromWhere(KeyRange range) {
        return Sql.concat("FROM ", policy.table, " WHERE ", where(range));
    }

    /** Matched rows per outcome, and their bytes when the dialect can tell: one scan. */
    Sql planCount() {
        String bytes = dialect.rowBytes(policy.rowName).map(b -> ", COALESCE(SUM(" + b + "), 0)").orElse(", 0");
        return Sql.concat("SELECT ", policy.outcome, ", COUNT(*)", bytes, " ", fromWhere(KeyRange.between(null, null)),
                " GROUP BY 1");
    }

    /** Rows in the table: the denominator of the maxFraction guard. */
    Sql total() {
        return Sql.of("SELECT COUNT(*) FROM " + policy.table);
    }

    /** The first {@code limit} matched keys, in key order. */
    Sql keys(KeyRange range, int limit) {
        return Sql.concat("SELECT ", policy.key, " ", fromWhere(range), " ORDER BY ", policy.key, " LIMIT ", limit);
    }

    /**
     * The key that closes a batch of {@code size} matching rows after {@code after} (exclusive); no row means the
     * rest fits in one batch.
     */
    Sql upperBound(KeyRange after, int size) {
        return upperBound(after, String.valueOf(size - 1));
    }

    /** The bound query as a plan shows it, for any batch size. */
    Sql upperBoundForDisplay() {
        return upperBound(new KeyRange.Between(true, null, false, null), "<batchSize - 1>");
    }

    private Sql upperBound(KeyRange after, String offset) {
        return Sql.concat("SELECT ", policy.key, " ", fromWhere(after), " ORDER BY ", policy.key,
                " LIMIT 1 OFFSET ", offset);
    }

    /** Locks the matching rows of {@code range} and counts them per outcome. */
    Sql lockingCount(KeyRange range) {
        Sql from = fromWhere(range);
        // The dialect places the outcome before the FROM clause, so the arguments keep that order.
        List<Object> args = new ArrayList<>(policy.outcome.args());
        args.addAll(from.args());
        return new Sql(dialect.lockingCount(policy.outcome.text(), from.text()), args);
    }

    /** Deletes of the dependent rows of {@code range}'s matching rows, one per cascade, in order. */
    List<Sql> cascadeDeletes(KeyRange range) {
        Sql keys = Sql.concat("SELECT ", policy.key, " ", fromWhere(range));
        return policy.cascades.stream()
                .map(c -> Sql.concat("DELETE FROM ", c.quoted(), " WHERE ", policy.cascadeWhere(c, keys)))
                .toList();
    }

    Sql delete(KeyRange range) {
        return Sql.concat("DELETE ", fromWhere(range));
    }

    Sql update(KeyRange range) {
        return Sql.concat("UPDATE ", policy.table, " SET ", policy.assignments, " WHERE ", where(range));
    }

    /** Copies the matching rows of {@code range} into the move's destination, column by name. */
    Sql copyToDestination(Sql rows) {
        String columns = String.join(", ", policy.movedColumns);
        return Sql.concat("INSERT INTO ", policy.destination, " (", columns, ") SELECT ", columns, " ", rows);
    }

    /** Names of the dependent tables, in cascade order. */
    List<String> cascadeNames() {
        return policy.cascades.stream().map(CompiledPolicy.CompiledCascade::name).toList();
    }
}
