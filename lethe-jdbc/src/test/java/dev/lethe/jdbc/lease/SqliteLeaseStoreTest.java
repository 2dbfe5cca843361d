package dev.lethe.jdbc.lease;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease store contract on a real SQLite file shared by several connections. */
class SqliteLeaseStoreTest extends LeaseStoreContract {

    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("lethe-state.db");
    }

    @Test
    void aStateStoreThatIsNotSqlOrPostgresIsRefusedWithoutItsPassword() {
        assertThatThrownBy(() -> JdbcLeaseStore.open("jdbc:mariadb://u:hunter2@127.0.0.1/x?password=hunter2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageNotContaining("hunter2");
    }
}
