package dev.lethe.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The tables of one test, named with a random prefix so suites can share a server and run at the same time,
 * dropped in reverse order of creation when closed (dependent tables first). Also the test's own connection.
 */
public final class SqlTables implements AutoCloseable {

    private final SqlDatabase database;
    private final Connection connection;
    private final String prefix = "lethe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final Deque<String> created = new ArrayDeque<>();

    public SqlTables(SqlDatabase database) {
        this.database = database;
        try {
            this.connection = database.connect();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database: " + e.getMessage(), e);
        }
    }

    public SqlDatabase database() {
        return database;
    }

    /** Creates {@code <prefix>_<name> (<columns>)} and returns its full name; {@code {prefix}} in columns becomes the prefix. */
    public String create(String name, String columns) {
        return create(name, columns, database.tableOptions());
    }

    /** Like {@link #create(String, String)}, with {@code options} after the columns instead of the database's own. */
    public String create(String name, String columns, String options) {
        String table = name(name);
        exec("CREATE TABLE " + table + " (" + columns.replace("{prefix}", prefix) + ") " + options);
        created.push(table);
        return table;
    }

    /** The full name a table called {@code name} gets. */
    public String name(String name) {
        return prefix + "_" + name;
    }

    /** Runs a statement with bound arguments. */
    public int exec(String sql, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.execute();
            return statement.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    /** The first column of every row. */
    public List<Object> column(String sql, Object... args) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage() + " in: " + sql, e);
        }
    }

    /** The first column of every row as longs. */
    public Set<Long> longs(String sql, Object... args) {
        Set<Long> values = new HashSet<>();
        column(sql, args).forEach(v -> values.add(((Number) v).longValue()));
        return values;
    }

    /** A single number, e.g. a {@code COUNT(*)}. */
    public long number(String sql, Object... args) {
        return ((Number) column(sql, args).get(0)).longValue();
    }

    public Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            while (!created.isEmpty()) {
                exec("DROP TABLE IF EXISTS " + created.pop());
            }
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Nothing more to release.
            }
        }
    }
}
