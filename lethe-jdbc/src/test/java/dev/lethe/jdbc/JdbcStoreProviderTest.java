package dev.lethe.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.StoreSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcStoreProviderTest {

    @Test
    void claimsEverySqlStoreType() {
        assertThat(new JdbcStoreProvider().types()).containsExactlyInAnyOrder("postgres", "mariadb", "mysql", "sqlite");
    }

    @Test
    void masksPasswordsInQueryStringsAndUserInfo() {
        assertThat(JdbcStoreProvider.redacted("jdbc:postgresql://db/app?user=a&password=s3cr3t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/app?user=a&password=****&ssl=true");
        assertThat(JdbcStoreProvider.redacted("jdbc:mariadb://app:s3cr3t@db:3306/app"))
                .isEqualTo("jdbc:mariadb://app:****@db:3306/app");
    }

    @Test
    void anUnreachableServerIsAStoreExceptionWithoutThePassword() {
        StoreSpec spec = new StoreSpec("app", "postgres",
                Map.of("url", "jdbc:postgresql://127.0.0.1:1/app?password=s3cr3t&connectTimeout=2", "password", "s3cr3t"));

        assertThatThrownBy(() -> new JdbcStoreProvider().open(spec))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("store 'app'").hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void aStoreWithoutAUrlSaysWhichSettingIsMissing() {
        assertThatThrownBy(() -> new JdbcStoreProvider().open(new StoreSpec("app", "mariadb", Map.of("user", "root"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("'url' is required");
    }

    @Test
    void sqliteHasNoSessionTimeZoneToSet() {
        assertThatThrownBy(() -> new JdbcStoreProvider().open(new StoreSpec("notes", "sqlite",
                Map.of("url", "jdbc:sqlite::memory:", "timeZone", "Asia/Tokyo"))))
                .isInstanceOf(StoreException.class).hasMessageContaining("no session time zone");
    }
}
