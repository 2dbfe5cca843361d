package dev.lethe.jdbc.lease;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.jdbc.state.StateStoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease store contract on the real PostgreSQL server, in a schema of its own per test. */
class PostgresLeaseStoreTest extends LeaseStoreContract {

    static final String SERVER = System.getProperty("lethe.test.postgres",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private String schema;

    @BeforeEach
    @Override
    protected void openTwoInstances() {
        schema = "lethe_lease_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE SCHEMA " + schema);
        super.openTwoInstances();
    }

    @Override
    protected void cleanUp() {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    @Override
    String url() {
        return SERVER + "&currentSchema=" + schema;
    }

    @Test
    void anUnreachableServerFailsWithoutShowingThePassword() {
        assertThatThrownBy(() -> JdbcLeaseStore.open("jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=hunter2"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("cannot open")
                .hasMessageNotContaining("hunter2");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
