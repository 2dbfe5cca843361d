package dev.lethe.jdbc.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.core.state.StateStoreProvider;
import dev.lethe.core.state.StateStoreProviders;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStateStoreProviderTest {

    @Test
    void isFoundForSqliteAndPostgresUrlsOnly() {
        assertThat(StateStoreProviders.forUrl("jdbc:sqlite:lethe-state.db")).get().isInstanceOf(JdbcStateStoreProvider.class);
        assertThat(StateStoreProviders.forUrl("jdbc:postgresql://h/db")).get().isInstanceOf(JdbcStateStoreProvider.class);
        assertThat(new JdbcStateStoreProvider().accepts("redis://127.0.0.1:6379")).isFalse();
        assertThat(new JdbcStateStoreProvider().accepts("jdbc:mariadb://h/db")).isFalse();
    }

    @Test
    void opensHistoryAndLeasesInOneDatabase(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("lethe-state.db");
        StateStoreProvider provider = StateStoreProviders.forUrl(url).orElseThrow();
        try (RunHistory history = provider.openHistory(url)) {
            assertThat(history.recent(Optional.empty(), 1)).isEmpty();
        }
        try (LeaseStore leases = provider.openLeases(url)) {
            assertThat(leases.tryAcquire("pending-uploads", "test", Duration.ofMinutes(1))).isPresent();
        }
    }
}
