package dev.lethe.jdbc.internal;

import dev.lethe.core.policy.Action;
import dev.lethe.core.store.BatchResult;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch as a locking count followed by the change, in one transaction (MariaDB, SQLite). The count locks the
 * range's matching rows (MariaDB: {@code FOR UPDATE} next-key locks; SQLite: the {@code BEGIN IMMEDIATE} write
 * lock), so the statements after it see exactly the counted rows. As a safety net the change's own row count
 * must equal the count, or the batch is rolled back and retried row by row.
 */
final class LockingRangeAction implements RangeAction {

    private final SweepStatements sql;
    private final CompiledPolicy policy;

    LockingRangeAction(SweepStatements statements) {
        this.sql = statements;
        this.policy = statements.policy;
    }

    @Override
    public BatchResult apply(JdbcSession session, KeyRange range) throws SQLException {
        OutcomeCounts counts = session.query(sql.lockingCount(range),
                rows -> new OutcomeCounts(policy.labels.size()).addAll(rows));
        Map<String, Long> cascaded = new LinkedHashMap<>();
        List<Sql> deletes = sql.cascadeDeletes(range);
        for (int i = 0; i < deletes.size(); i++) {
            cascaded.merge(sql.cascadeNames().get(i), session.update(deletes.get(i)), Long::sum);
        }
        long changed;
        if (policy.action instanceof Action.MoveTo) {
            long copied = session.update(sql.copyToDestination(sql.fromWhere(range)));
            changed = session.update(sql.delete(range));
            if (copied != changed) {
                throw new SQLException("copied " + copied + " rows to " + policy.destination + " but deleted " + changed
                        + " from " + policy.table + "; the batch was rolled back");
            }
        } else {
            changed = session.update(policy.action instanceof Action.Update ? sql.update(range) : sql.delete(range));
        }
        if (changed != counts.total()) {
            throw new SQLException("counted " + counts.total() + " matching rows but changed " + changed
                    + "; the batch was rolled back");
        }
        return new BatchResult(changed, counts.byLabel(policy.labels), 0, 0, cascaded, List.of(), List.of());
    }

    @Override
    public List<Sql> statements(KeyRange range) {
        List<Sql> statements = new ArrayList<>();
        statements.add(sql.lockingCount(range));
        statements.addAll(sql.cascadeDeletes(range));
        if (policy.action instanceof Action.MoveTo) {
            statements.add(sql.copyToDestination(sql.fromWhere(range)));
            statements.add(sql.delete(range));
        } else {
            statements.add(policy.action instanceof Action.Update ? sql.update(range) : sql.delete(range));
        }
        return statements;
    }
}
