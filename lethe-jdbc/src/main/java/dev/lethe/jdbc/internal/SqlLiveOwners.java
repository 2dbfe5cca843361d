package dev.lethe.jdbc.internal;

import dev.lethe.core.store.LiveOwners;
import dev.lethe.core.store.StoreException;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live owners of an orphan sweep as listed by a SQL query: the first column of its rows, as text (NULLs
 * skipped). The query runs in a transaction that is always rolled back, so a query that writes changes nothing.
 *
 * <p>Design note. A recheck, once per batch, asks about the batch's candidates only: the query becomes a common table
 * expression filtered on its first column, {@code WITH lethe_live(lethe_owner, ...) AS (<query>) SELECT lethe_owner
 * FROM lethe_live WHERE lethe_owner IN (?, ...)}, which the database inlines, so an index on the owner column
 * answers it without reading every live owner again — a sweep of many batches over a large live table would
 * otherwise read the whole table once per batch. Candidates are bound in the column's type as the snapshot saw it:
 * as numbers for an integer column (a candidate that is not a number cannot be live and is not asked about), as
 * text otherwise. Whatever the database answers is matched against the candidates as text, as the snapshot is. When
 * the filtered form fails (a query that cannot be wrapped, a candidate the column's type rejects), the recheck reads
 * the whole query once more, as the snapshot did, and keeps using that form.
 */
final class SqlLiveOwners implements LiveOwners {

    private static final Logger LOG = LoggerFactory.getLogger(SqlLiveOwners.class);
    /** Candidates per filtered query: far below every database's limit on bound parameters. */
    static final int CHUNK = 500;
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

    private final JdbcSession session;
    private final Sql query;
    private final Shape shape;
    private final Set<String> snapshot;
    private boolean filtered = true;

    /** The query's columns as the snapshot read them. */
    private record Shape(int columns, boolean integerOwner) {
    }

    private SqlLiveOwners(JdbcSession session, Sql query, Shape shape, Set<String> snapshot) {
        this.session = session;
        this.query = query;
        this.shape = shape;
        this.snapshot = snapshot;
    }

    /** Reads the snapshot. */
    static SqlLiveOwners read(JdbcSession session, String query) throws SQLException {
        Sql sql = Sql.of(query);
        Set<String> owners = new HashSet<>();
        Shape shape = session.read(s -> s.query(sql, rows -> {
            ResultSetMetaData columns = rows.getMetaData();
            addOwners(rows, owners);
            return new Shape(columns.getColumnCount(), isInteger(columns.getColumnType(1)));
        }));
        return new SqlLiveOwners(session, sql, shape, owners);
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
        Set<String> asked = Set.copyOf(candidates);
        try {
            if (filtered) {
                try {
                    return askedAbout(asked);
                } catch (SQLException e) {
                    if (session.isConnectionLost(e)) {
                        throw e;
                    }
                    LOG.debug("live owners: the filtered recheck failed, reading the whole query from now on: {}",
                            PolicyOnStore.firstLine(e));
                    filtered = false;
                }
            }
            return session.read(s -> s.query(query, rows -> {
                Set<String> live = new HashSet<>();
                addOwners(rows, live);
                live.retainAll(asked);
                return live;
            }));
        } catch (SQLException e) {
            throw new StoreException("rechecking live owners failed: " + PolicyOnStore.firstLine(e), e);
        }
    }

    /** Of {@code candidates}, those the query lists now, asking about them alone. */
    private Set<String> askedAbout(Set<String> candidates) throws SQLException {
        List<Object> values = new ArrayList<>();
        for (String candidate : candidates) {
            if (!shape.integerOwner()) {
                values.add(candidate);
            } else if (INTEGER.matcher(candidate).matches()) {
                values.add(Long.valueOf(candidate));
            }
        }
        Set<String> live = new HashSet<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            Sql filter = filter(values.subList(from, Math.min(values.size(), from + CHUNK)));
            session.read(s -> s.query(filter, rows -> addOwners(rows, live)));
        }
        live.retainAll(candidates);
        return live;
    }

    /** The query filtered on its first column being one of {@code values}. */
    private Sql filter(List<Object> values) {
        List<Object> parts = new ArrayList<>();
        parts.add("WITH lethe_live(lethe_owner");
        for (int column = 2; column <= shape.columns(); column++) {
            parts.add(", lethe_c" + column);
        }
        parts.add(") AS (");
        parts.add(query);
        parts.add(") SELECT lethe_owner FROM lethe_live WHERE lethe_owner IN (");
        for (int i = 0; i < values.size(); i++) {
            parts.add(i == 0 ? "" : ", ");
            parts.add(Sql.param(values.get(i)));
        }
        parts.add(")");
        return Sql.concat(parts.toArray());
    }

    private static Set<String> addOwners(ResultSet rows, Set<String> owners) throws SQLException {
        while (rows.next()) {
            Object owner = rows.getObject(1);
            if (owner != null) {
                owners.add(String.valueOf(owner));
            }
        }
        return owners;
    }

    private static boolean isInteger(int type) {
        return type == Types.BIGINT || type == Types.INTEGER || type == Types.SMALLINT || type == Types.TINYINT;
    }
}
