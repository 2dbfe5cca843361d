package dev.lethe.jdbc.internal;

import dev.lethe.core.store.LiveOwners;
import dev.lethe.core.store.StoreException;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The live owners of an orphan sweep as listed by a SQL query: the first column of its rows, as text (NULLs
 * skipped). The query runs in a transaction that is always rolled back, so a query that writes changes nothing.
 * A recheck runs the query again and keeps only the candidates, so it holds no more than they are.
 */
final class SqlLiveOwners implements LiveOwners {

    private final JdbcSession session;
    private final Sql query;
    private final Set<String> snapshot;

    private SqlLiveOwners(JdbcSession session, Sql query, Set<String> snapshot) {
        this.session = session;
        this.query = query;
        this.snapshot = snapshot;
    }

    /** Reads the snapshot. */
    static SqlLiveOwners read(JdbcSession session, String query) throws SQLException {
        Sql sql = Sql.of(query);
        return new SqlLiveOwners(session, sql, owners(session, sql, null));
    }

    @Override
    public int size() {
        return snapshot.size();
    }

    @Override
    public boolean contains(String owner) {
        return snapshot.contains(owner);
    }

    @Override
    public Set<String> recheck(Collection<String> candidates) {
        try {
            return owners(session, query, Set.copyOf(candidates));
        } catch (SQLException e) {
            throw new StoreException("rechecking live owners failed: " + PolicyOnStore.firstLine(e), e);
        }
    }

    /** The owners the query lists now; only those in {@code keep} when it is not null. */
    private static Set<String> owners(JdbcSession session, Sql query, Set<String> keep) throws SQLException {
        return session.read(s -> s.query(query, rows -> {
            Set<String> owners = new HashSet<>();
            while (rows.next()) {
                Object owner = rows.getObject(1);
                if (owner != null && (keep == null || keep.contains(String.valueOf(owner)))) {
                    owners.add(String.valueOf(owner));
                }
            }
            return owners;
        }));
    }
}
