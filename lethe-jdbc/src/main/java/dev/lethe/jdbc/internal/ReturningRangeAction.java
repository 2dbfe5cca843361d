package dev.lethe.jdbc.internal;

import dev.lethe.core.policy.Action;
import dev.lethe.core.store.BatchResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch as one data-modifying statement whose {@code RETURNING} rows are counted per outcome (PostgreSQL):
 * <pre>
 * WITH lethe_affected AS (DELETE FROM t WHERE range AND (pred)
 *                         RETURNING CASE WHEN o1 THEN 1 ... ELSE 0 END AS lethe_outcome)
 * SELECT lethe_outcome, COUNT(*) FROM lethe_affected GROUP BY 1
 * </pre>
 * The counts are those of exactly the rows the statement changed, evaluated on the rows as they were deleted.
 * An update counts outcomes on the row as it was before the change, read in a {@code FOR UPDATE} subquery. A
 * move deletes, inserts what the delete returned, and evaluates the outcomes over the returned rows (the CTE is
 * aliased with the table's own name, so predicates that qualify columns with it still resolve). With cascades,
 * the range is locked first so the dependent rows removed are those of exactly the parent rows the statement then
 * changes.
 */
final class ReturningRangeAction implements RangeAction {

    private final SweepStatements sql;
    private final CompiledPolicy policy;

    ReturningRangeAction(SweepStatements statements) {
        this.sql = statements;
        this.policy = statements.policy;
    }

    @Override
    public BatchResult apply(JdbcSession session, KeyRange range) throws SQLException {
        Map<String, Long> cascaded = new LinkedHashMap<>();
        if (!policy.cascades.isEmpty()) {
            session.query(sql.lockingCount(range), rows -> null);
            List<Sql> deletes = sql.cascadeDeletes(range);
            for (int i = 0; i < deletes.size(); i++) {
                cascaded.merge(sql.cascadeNames().get(i), session.update(deletes.get(i)), Long::sum);
            }
        }
        OutcomeCounts counts = policy.action instanceof Action.Delete
                ? delete(session, sql, range.conditions(policy.key))
                : session.query(change(range), rows -> new OutcomeCounts(policy.labels.size()).addAll(rows));
        return new BatchResult(counts.total(), counts.byLabel(policy.labels), 0, 0, cascaded, List.of(), List.of());
    }

    /**
     * Deletes the matched rows meeting {@code conditions} with {@link SweepStatements#deleteCountingOutcomes} and
     * reads its counts.
     */
    static OutcomeCounts delete(JdbcSession session, SweepStatements sql, List<Sql> conditions) throws SQLException {
        OutcomeCounts counts = new OutcomeCounts(sql.policy.labels.size());
        Sql statement = sql.deleteCountingOutcomes(conditions);
        if (sql.policy.labels.isEmpty()) {
            counts.add(0, session.update(statement));
            return counts;
        }
        return session.query(statement, counts::addAll);
    }

    @Override
    public List<Sql> statements(KeyRange range) {
        List<Sql> statements = new ArrayList<>();
        if (!policy.cascades.isEmpty()) {
            statements.add(sql.lockingCount(range));
            statements.addAll(sql.cascadeDeletes(range));
        }
        statements.add(policy.action instanceof Action.Delete ? sql.deleteCountingOutcomes(range.conditions(policy.key))
                : change(range));
        return statements;
    }

    private Sql change(KeyRange range) {
        if (policy.action instanceof Action.Update) {
            return update(range);
        }
        // A move: the insert needs whole rows, so the outcome is evaluated over the CTE, aliased as the table.
        return Sql.concat("WITH lethe_affected AS (", sql.delete(range), " RETURNING *), lethe_inserted AS (",
                sql.copyToDestination(Sql.of("FROM lethe_affected")), ") SELECT ", policy.outcome,
                ", COUNT(*) FROM lethe_affected AS ", policy.rowName, " GROUP BY 1");
    }

    private Sql update(KeyRange range) {
        Sql old = Sql.concat("SELECT ", policy.key, " AS lethe_key, ", policy.outcome, " AS lethe_outcome ",
                sql.fromWhere(range), " FOR UPDATE");
        return Sql.concat("WITH lethe_affected AS (UPDATE ", policy.table, " SET ", policy.assignments,
                " FROM (", old, ") AS lethe_old WHERE ", policy.table, ".", policy.key, " = lethe_old.lethe_key",
                " RETURNING lethe_old.lethe_outcome) SELECT lethe_outcome, COUNT(*) FROM lethe_affected GROUP BY 1");
    }
}
