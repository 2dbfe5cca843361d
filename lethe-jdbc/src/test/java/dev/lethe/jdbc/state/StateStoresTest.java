package dev.lethe.jdbc.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.history.RunHistory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoresTest {

    @Test
    void redisIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> StateStores.open("redis://127.0.0.1:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redis state store is not supported by this version yet");
    }

    @Test
    void unsupportedUrlNamesTheSupportedOnesWithoutThePassword() {
        assertThatThrownBy(() -> StateStores.open("jdbc:mariadb://db/state?user=lethe&password=s3cret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("password=****")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void inMemorySqliteIsRefusedBecauseItWouldForgetEveryRun() {
        assertThatThrownBy(() -> StateStores.open("jdbc:sqlite::memory:"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("forget every run");
    }

    @Test
    void unreachablePostgresNamesTheStoreButNotItsPassword() {
        assertThatThrownBy(() -> StateStores.open("jdbc:postgresql://127.0.0.1:1/state?user=x&password=s3cret&connectTimeout=2"))
                .isInstanceOf(StateStoreException.class)
                .hasMessageStartingWith("state store jdbc:postgresql://127.0.0.1:1/state?user=x&password=****")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void sqliteFileAndItsDirectoryAreCreated(@TempDir Path dir) {
        Path file = dir.resolve("a/b/lethe-state.db");
        try (RunHistory history = StateStores.open("jdbc:sqlite:" + file)) {
            assertThat(history.recent(Optional.empty(), 10)).isEmpty();
        }
        assertThat(Files.exists(file)).isTrue();
    }

    @Test
    void redactsUserInfoAndPasswordParameters() {
        assertThat(StateUrls.redact("jdbc:postgresql://u:pw@h/db?password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://u:****@h/db?password=****&ssl=true");
    }

    @Test
    void relativeSqliteFileIsTakenRelativeToTheBaseDirectory(@TempDir Path dir) {
        try (RunHistory history = StateStores.open("jdbc:sqlite:state/lethe-state.db", dir)) {
            assertThat(history.recent(Optional.empty(), 1)).isEmpty();
        }
        assertThat(dir.resolve("state/lethe-state.db")).exists();
        assertThat(StateUrls.resolveSqliteFile("jdbc:sqlite:/abs/x.db", dir)).isEqualTo("jdbc:sqlite:/abs/x.db");
        assertThat(StateUrls.resolveSqliteFile("jdbc:sqlite:x.db?busy_timeout=1", Path.of("/base")))
                .isEqualTo("jdbc:sqlite:/base/x.db?busy_timeout=1");
        assertThat(StateUrls.resolveSqliteFile("jdbc:postgresql://h/db", dir)).isEqualTo("jdbc:postgresql://h/db");
    }
}
