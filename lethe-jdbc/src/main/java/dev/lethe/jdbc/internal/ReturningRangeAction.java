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
 *                         RETURNING CASE WHEN o1 THEN 1 ... ELSE 0 END AS lethe_outcome, pg_column_size(t.*) AS lethe_bytes)
 * SELECT lethe_outcome, COUNT(*), SUM(lethe_bytes) FROM lethe_affected GROUP BY 1
 * </pre>
 * The counts are those of exactly the rows the statement changed, evaluated on the rows as they were deleted.
 * An update counts outcomes on the row as it was before the change, read in a {@code FOR UPDATE} subquery. A
 * move deletes, inserts what the delete returned, and evaluates the outcomes over the returned rows (the CTE is
 * aliased with the table's own name, so predicates that qualify columns with it still resolve). With cascades, the range is locked first so the dependent rows removed are those of exactly the
 * parent rows the statement then changes.
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
        OutcomeCounts counts = session.query(change(range), rows -> new OutcomeCounts(policy.labels.size()).addAll(rows, true));
        long bytes = policy.action instanceof Action.Delete ? counts.bytes() : 0;
        return new BatchResult(counts.total(), counts.byLabel(policy.labels), 0, bytes, cascaded, List.of(), List.of());
    }

    @Override
    public List<Sql> statements(KeyRange range) {
        List<Sql> statements = new ArrayList<>();
        if (!policy.cascades.isEmpty()) {
            statements.add(sql.lockingCount(range));
            statements.addAll(sql.cascadeDeletes(range));
        }
        statements.add(change(range));
        return statements;
    }

    private Sql change(KeyRange range) {
        if (policy.action instanceof Action.Update) {
            return update(range);
        }
        if (policy.action instanceof Action.MoveTo) {
            // The insert needs whole rows, so the outcome is evaluated over the CTE, aliased as the table.
            return Sql.concat("WITH lethe_affected AS (", sql.delete(range), " RETURNING *), lethe_inserted AS (",
                    sql.copyToDestination(Sql.of("FROM lethe_affected")), ") SELECT ", policy.outcome,
                    ", COUNT(*), 0 FROM lethe_affected AS ", policy.rowName, " GROUP BY 1");
        }
        // Returning only the outcome and the size keeps the deleted rows themselves out of the CTE's buffer.
        String bytes = sql.dialect.rowBytes(policy.rowName).orElse("0");
        return Sql.concat("WITH lethe_affected AS (", sql.delete(range), " RETURNING ", policy.outcome,
                " AS lethe_outcome, ", bytes, " AS lethe_bytes) SELECT lethe_outcome, COUNT(*), SUM(lethe_bytes)",
                " FROM lethe_affected GROUP BY 1");
    }

    private Sql update(KeyRange range) {
        Sql old = Sql.concat("SELECT ", policy.key, " AS lethe_key, ", policy.outcome, " AS lethe_outcome ",
                sql.fromWhere(range), " FOR UPDATE");
        return Sql.concat("WITH lethe_affected AS (UPDATE ", policy.table, " SET ", policy.assignments,
                " FROM (", old, ") AS lethe_old WHERE ", policy.table, ".", policy.key, " = lethe_old.lethe_key",
                " RETURNING lethe_old.lethe_outcome) SELECT lethe_outcome, COUNT(*), 0 FROM lethe_affected GROUP BY 1");
    }
}
