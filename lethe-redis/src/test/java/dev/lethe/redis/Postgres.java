package dev.lethe.redis;

import dev.lethe.core.store.StoreSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The PostgreSQL server on 127.0.0.1:5432 (database {@code test}), for live sources and owner members: tables
 * with a unique suffix, dropped on close.
 */
final class Postgres implements AutoCloseable {

    static final String URL = System.getenv().getOrDefault("LETHE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("LETHE_TEST_POSTGRES_USER", "postgres");

    private final String suffix = "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<String> tables = new ArrayList<>();

    /** A store spec named {@code name} for this database. */
    StoreSpec spec(String name) {
        return new StoreSpec(name, "postgres", Map.of("url", URL, "user", USER));
    }

    /** Creates {@code name + suffix} with {@code columns}; returns the full name. */
    String table(String name, String columns) {
        String table = name + suffix;
        execute("CREATE TABLE " + table + " (" + columns + ")");
        tables.add(table);
        return table;
    }

    void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The single number {@code sql} returns. */
    long count(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        tables.forEach(table -> execute("DROP TABLE IF EXISTS " + table));
    }
}
