package dev.lethe.jdbc.internal;

import dev.lethe.core.store.SweepPlan;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Measures what a sweep would do, changing nothing: one scan for the matched rows per outcome (and their
 * bytes, where the dialect can tell), the table's row count, the first keys in key order, and the statements a
 * batch executes, with their placeholders.
 */
final class SweepPlanner {

    private final SweepStatements statements;
    private final RangeAction action;

    SweepPlanner(SweepStatements statements, RangeAction action) {
        this.statements = statements;
        this.action = action;
    }

    SweepPlan plan(JdbcSession session, int sampleSize) throws SQLException {
        CompiledPolicy policy = statements.policy;
        OutcomeCounts matched = session.query(statements.planCount(),
                rows -> new OutcomeCounts(policy.labels.size()).addAll(rows, true));
        long total = session.query(statements.total(), rows -> rows.next() ? rows.getLong(1) : 0L);
        List<String> sample = sampleSize == 0 ? List.of()
                : session.query(statements.keys(KeyRange.between(null, null), sampleSize), RowByRowRetry::keys)
                        .stream().map(String::valueOf).toList();
        OptionalLong bytes = statements.dialect.rowBytes(policy.rowName).isPresent()
                ? OptionalLong.of(matched.bytes()) : OptionalLong.empty();
        return new SweepPlan(matched.total(), total, matched.byLabel(policy.labels), sample, bytes,
                batchStatements());
    }

    /** What one batch in the middle of the table executes, in order. */
    private List<String> batchStatements() {
        List<String> batch = new ArrayList<>();
        batch.add(statements.upperBoundForDisplay().text());
        action.statements(KeyRange.probe()).forEach(sql -> batch.add(sql.text()));
        return batch;
    }
}
