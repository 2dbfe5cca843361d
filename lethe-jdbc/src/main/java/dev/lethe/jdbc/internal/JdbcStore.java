package dev.lethe.jdbc.internal;

import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.LiveSource;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.store.LiveOwners;
import dev.lethe.core.store.PolicyRejectedException;
import dev.lethe.core.store.ReferenceTime;
import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.Sweep;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL database as a Lethe store: reads the database's clock, checks a table policy against the real schema,
 * and sweeps it in batches cut the way the database and the table allow ({@link SweepChoice}). Created by
 * {@code JdbcStoreProvider}.
 *
 * <p>It holds one connection and is used by one run at a time, as the engine runs policies sequentially; it is
 * not safe for concurrent sweeps.
 */
public final class JdbcStore implements Store {

    private final String name;
    private final JdbcSession session;

    public JdbcStore(String name, JdbcSession session) {
        this.name = name;
        this.session = session;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ReferenceTime referenceTime() {
        try {
            // Once per run: a connection lost during the previous run is replaced here.
            session.connect();
            return session.readClock();
        } catch (SQLException e) {
            throw new StoreException("store '" + name + "': cannot read the database clock: " + PolicyOnStore.firstLine(e), e);
        }
    }

    @Override
    public Sweep prepare(Policy policy, ReferenceTime now) {
        PolicyOnStore names = new PolicyOnStore(policy.name(), name);
        if (!(policy.selection() instanceof TableSelection selection)) {
            throw names.rejected("a " + session.dialect().name() + " store sweeps table rows; '"
                    + policy.selection().describe() + "' is not a table selection", null);
        }
        List<String> columns = policy.action() instanceof Action.MoveTo ? columnsOf(selection, names) : List.of();
        CompiledPolicy compiled = new CompiledPolicy(policy, selection, session.dialect(), now, names, columns);
        SweepStatements statements = new SweepStatements(compiled, session.dialect());
        TableSweep sweep = SweepChoice.of(session, statements);
        PolicyCheck.verify(session, statements, sweep.everyStatement());
        return sweep;
    }

    /** The source table's columns, so a move copies them by name rather than by position. */
    private List<String> columnsOf(TableSelection selection, PolicyOnStore names) {
        String table = CompiledPolicy.quoteTable(selection.table(), "table", session.dialect(), names);
        try {
            return session.read(s -> s.query(Sql.of("SELECT * FROM " + table + " WHERE 1 = 0"), rows -> {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                }
                return columns;
            }));
        } catch (SQLException e) {
            session.rethrowIfConnectionLost(e, names, "reading the columns of " + selection.table());
            throw names.rejected(PolicyOnStore.firstLine(e), e);
        }
    }

    /**
     * Lists live owners with a read-only query ({@code live: { store: app, query: "SELECT id FROM sessions ..." }}).
     *
     * @throws dev.lethe.core.store.PolicyRejectedException for a source that is not a query
     * @throws StoreException when the query fails
     */
    @Override
    public LiveOwners liveOwners(LiveSource source) {
        if (!(source instanceof LiveSource.Query query)) {
            throw new PolicyRejectedException("store '" + name + "' is a SQL store and lists live owners with a query,"
                    + " not with " + source.describe());
        }
        try {
            session.connect();
            return SqlLiveOwners.read(session, query.query());
        } catch (SQLException e) {
            throw new StoreException("store '" + name + "': the live owners query failed: " + PolicyOnStore.firstLine(e)
                    + " (in: " + query.query() + ")", e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
