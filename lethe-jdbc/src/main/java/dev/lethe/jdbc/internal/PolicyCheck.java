package dev.lethe.jdbc.internal;

import java.sql.SQLException;
import java.util.List;

/**
 * Lets the database check every statement a run would execute — names, types, syntax — before anything is
 * changed: each one is {@code EXPLAIN}ed inside a transaction that is rolled back, with the cursor's bounds
 * bound to {@code NULL}. {@code EXPLAIN} (without {@code ANALYZE}) never executes the statement.
 */
final class PolicyCheck {

    private PolicyCheck() {
    }

    /**
     * @throws dev.lethe.core.store.PolicyRejectedException with the database's message when a statement is refused
     * @throws dev.lethe.core.store.StoreException when the connection is lost
     */
    static void verify(JdbcSession session, SweepStatements statements, List<Sql> everyStatement) {
        PolicyOnStore names = statements.policy.names;
        for (Sql sql : everyStatement) {
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
}
