package dev.lethe.server.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * A PostgreSQL table {@code items(id)} in a schema of its own, whose deletes are slowed down by a trigger, so a
 * test can catch a run in the middle of its batches.
 */
final class SlowTable {

    final String server;
    final String schema;

    private SlowTable(String server, String schema) {
        this.server = server;
        this.schema = schema;
    }

    /** Creates the schema and table; each deleted row costs {@code secondsPerRow}. */
    static SlowTable create(String server, double secondsPerRow) {
        SlowTable table = new SlowTable(server, "lethe_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        table.execute("CREATE SCHEMA " + table.schema,
                "CREATE TABLE " + table.schema + ".items (id BIGSERIAL PRIMARY KEY)",
                "CREATE FUNCTION " + table.schema + ".slow_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " PERFORM pg_sleep(" + String.format(Locale.ROOT, "%.3f", secondsPerRow) + "); RETURN OLD; END $$",
                "CREATE TRIGGER slow BEFORE DELETE ON " + table.schema + ".items FOR EACH ROW EXECUTE FUNCTION "
                        + table.schema + ".slow_delete()");
        return table;
    }

    /** The server URL with this table's schema as the current one. */
    String url() {
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    void insert(int rows) {
        execute("INSERT INTO " + schema + ".items SELECT FROM generate_series(1, " + rows + ")");
    }

    long count() {
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + schema + ".items")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void drop() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(server); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
