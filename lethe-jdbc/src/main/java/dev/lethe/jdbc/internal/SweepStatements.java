package dev.lethe.jdbc.internal;

import dev.lethe.jdbc.dialect.DeleteBatching;
import dev.lethe.jdbc.dialect.Dialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The statements of one policy over one table, built from a {@link CompiledPolicy}: the plan's queries, the
 * keyset cursor's bound query, the deletes that cut their own batches, and the pieces every batch is made of.
 * Every statement re-states the predicate, so a row that stopped matching is never touched, whatever was planned
 * or counted before.
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
        return where(range.conditions(policy.key));
    }

    /** {@code <conditions> AND (<predicate>)}. */
    Sql where(List<Sql> conditions) {
        List<Sql> all = new ArrayList<>(conditions);
        all.add(policy.predicate);
        return Sql.join(" AND ", all);
    }

    /** {@code FROM table WHERE <range> AND (<predicate>)}. */
    Sql fromWhere(KeyRange range) {
        return fromWhere(range.conditions(policy.key));
    }

    /** {@code FROM table WHERE <conditions> AND (<predicate>)}. */
    Sql fromWhere(List<Sql> conditions) {
        return Sql.concat("FROM ", policy.table, " WHERE ", where(conditions));
    }

    /**
     * The plan's one scan, counting matched rows per outcome index and the rows the predicate does not match, so the
     * table's total needs no second scan: {@code (index, count)} rows, -1 for unmatched rows; or, where the dialect
     * does not {@linkplain Dialect#groupsCheaply() group cheaply}, one row: the total, then the count of each
     * outcome index from 0.
     */
    Sql classify() {
        if (dialect.groupsCheaply()) {
            return Sql.concat("SELECT CASE WHEN ", policy.predicate, " THEN ", policy.outcome, " ELSE -1 END,",
                    " COUNT(*) FROM ", policy.table, " GROUP BY 1");
        }
        List<Object> parts = new ArrayList<>();
        parts.add("SELECT COUNT(*)");
        for (int outcome = 0; outcome <= policy.labels.size(); outcome++) {
            parts.add(Sql.concat(", COUNT(CASE WHEN ", policy.predicate, " AND ", policy.outcome, " = ", outcome,
                    " THEN 1 END)"));
        }
        parts.add(" FROM " + policy.table);
        return Sql.concat(parts.toArray());
    }

    /** The first {@code limit} matched keys of {@code range}, in key order. */
    Sql keys(KeyRange range, int limit) {
        return ordered(policy.key, range.conditions(policy.key), limit);
    }

    /** {@code column} of the first {@code limit} matched rows meeting {@code conditions}, in {@code column} order. */
    Sql ordered(String column, List<Sql> conditions, int limit) {
        return Sql.concat("SELECT ", column, " ", fromWhere(conditions), " ORDER BY ", column, " LIMIT ", limit);
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

    /**
     * One row about the matched rows meeting {@code conditions}: their count, then the count of each outcome index
     * from 0 ({@link OutcomeCounts#addColumns}). The outcome is evaluated once per row, in the derived table.
     */
    Sql countByOutcome(List<Sql> conditions) {
        return Sql.concat("SELECT COUNT(*)", perOutcome(), " FROM (SELECT ", policy.outcome, " AS lethe_outcome ",
                fromWhere(conditions), ") lethe_batch");
    }

    /** {@code , COUNT(CASE WHEN lethe_outcome = i THEN 1 END)} for each outcome index i from 0. */
    private String perOutcome() {
        StringBuilder counts = new StringBuilder();
        for (int outcome = 0; outcome <= policy.labels.size(); outcome++) {
            counts.append(", COUNT(CASE WHEN lethe_outcome = ").append(outcome).append(" THEN 1 END)");
        }
        return counts.toString();
    }

    /** Deletes of the dependent rows of {@code range}'s matching rows, one per cascade, in order. */
    List<Sql> cascadeDeletes(KeyRange range) {
        Sql keys = Sql.concat("SELECT ", policy.key, " ", fromWhere(range));
        return policy.cascades.stream()
                .map(c -> Sql.concat("DELETE FROM ", c.quoted(), " WHERE ", policy.cascadeWhere(c, keys)))
                .toList();
    }

    Sql delete(KeyRange range) {
        return delete(range.conditions(policy.key));
    }

    Sql delete(List<Sql> conditions) {
        return Sql.concat("DELETE ", fromWhere(conditions));
    }

    /**
     * Deletes the matched rows meeting {@code conditions} and returns {@code (outcome, count)} rows of exactly the
     * rows deleted: a data-modifying CTE, for dialects that {@linkplain Dialect#reportsOutcomesInOneStatement()
     * report outcomes in one statement}. Only the outcome is returned, so the deleted rows themselves never fill
     * the CTE's buffer. Without outcomes it is a plain {@code DELETE}, whose row count is the whole answer and
     * which spares every row the trip through {@code RETURNING}.
     */
    Sql deleteCountingOutcomes(List<Sql> conditions) {
        if (policy.labels.isEmpty()) {
            return delete(conditions);
        }
        return Sql.concat("WITH lethe_affected AS (DELETE ", fromWhere(conditions), " RETURNING ", policy.outcome,
                " AS lethe_outcome) SELECT lethe_outcome, COUNT(*) FROM lethe_affected GROUP BY 1");
    }

    /**
     * The dialect's one-statement delete of the first {@code limit} matched rows meeting {@code after} (the cursor's
     * condition on {@code position}, or nothing), returning each one's position and outcome.
     */
    Sql limitedDelete(DeleteBatching.Limited shape, String position, List<Sql> after, int limit) {
        return Sql.fill(shape.template(), Map.of("table", Sql.of(policy.table), "position", Sql.of(position),
                "where", where(after), "limit", Sql.of(String.valueOf(limit)), "outcome", policy.outcome));
    }

    /**
     * One row about the first {@code limit} matched rows meeting {@code after}, in {@code position} order: the last
     * position, the row count, then the count of each outcome index from 0. The outcome is evaluated once per row,
     * in the subquery; no row leaves the database.
     */
    Sql countAndBound(String position, List<Sql> after, int limit) {
        return Sql.concat("SELECT MAX(lethe_position), COUNT(*)", perOutcome(), " FROM (SELECT ", position,
                " AS lethe_position, ", policy.outcome, " AS lethe_outcome ", fromWhere(after), " ORDER BY ", position,
                " LIMIT ", limit, ") lethe_batch");
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
