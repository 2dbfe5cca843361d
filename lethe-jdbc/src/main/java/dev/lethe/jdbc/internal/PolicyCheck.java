package dev.lethe.jdbc.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets the database check every statement a run would execute — names, types, syntax — before anything is
 * changed: each one is {@code EXPLAIN}ed inside a transaction that is rolled back, with the cursor's bounds
 * bound to {@code NULL}. {@code EXPLAIN} (without {@code ANALYZE}) never executes the statement.
 */
final class PolicyCheck {

    private final SweepStatements statements;
    private final RangeAction action;

    PolicyCheck(SweepStatements statements, RangeAction action) {
        this.statements = statements;
        this.action = action;
    }

    /**
     * @throws dev.lethe.core.store.PolicyRejectedException with the database's message when a statement is refused
     * @throws dev.lethe.core.store.StoreException when the connection is lost
     */
    void verify(JdbcSession session) {
        PolicyOnStore names = statements.policy.names;
        for (Sql sql : everyStatement()) {
            try {
                session.read(s -> {
                    s.execute(statements.dialect.explain(sql.text()), sql.args());
                    return null;
                });
            } catch (SQLException e) {
                session.rethrowIfConnectionLost(e, names, "checking the policy");
                throw names.rejected(PolicyOnStore.firstLine(e) + " (in: " + sql.text() + ")", e);
            }
        }
    }

    private List<Sql> everyStatement() {
        List<Sql> all = new ArrayList<>();
        all.add(statements.planCount());
        all.add(statements.total());
        all.add(statements.keys(KeyRange.probe(), 1));
        all.add(statements.upperBound(new KeyRange.Between(true, null, false, null), 1));
        all.addAll(action.statements(KeyRange.probe()));
        return all;
    }
}
