package dev.lethe.jdbc.state;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The state store contract on the real PostgreSQL server, in a schema of its own per test. */
class PostgresRunHistoryTest extends RunHistoryContract {

    static final String SERVER = System.getProperty("lethe.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private String schema;

    @BeforeEach
    void createSchema() throws SQLException {
        schema = "lethe_state_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    String url() {
        return SERVER + "&currentSchema=" + schema;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
