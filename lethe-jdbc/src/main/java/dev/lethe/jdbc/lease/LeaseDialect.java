package dev.lethe.jdbc.lease;

import dev.lethe.jdbc.state.StateStores;
import java.util.Locale;
import java.util.Properties;

/**
 * What differs between the databases a lease can live in: how a statement reads the database's own clock, and
 * how a connection is set up. Every lease statement reads the clock itself, so expiry never depends on the
 * clock of the instance that asks.
 */
enum LeaseDialect {

    /** The machine's clock, read by SQLite; one node, so there is no other clock to disagree with. */
    SQLITE("CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)") {
        @Override
        Properties connectionProperties() {
            Properties properties = new Properties();
            // Two lease stores on one file wait for each other's write instead of failing with SQLITE_BUSY.
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("busy_timeout", "10000");
            return properties;
        }
    },

    /** The server's clock; clock_timestamp() rather than now(), which is frozen at transaction start. */
    POSTGRES("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)") {
        @Override
        Properties connectionProperties() {
            Properties properties = new Properties();
            // A lease store that hangs is worse than one that fails: the renewal must give up before the lease ends.
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("socketTimeout", "10");
            return properties;
        }
    };

    private final String nowMillis;

    LeaseDialect(String nowMillis) {
        this.nowMillis = nowMillis;
    }

    /** A SQL expression for the database's current time in epoch milliseconds. */
    String nowMillis() {
        return nowMillis;
    }

    abstract Properties connectionProperties();

    static LeaseDialect of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRES;
        }
        throw new IllegalArgumentException("leases need a jdbc:sqlite: or jdbc:postgresql: state store, not '"
                + StateStores.redact(url) + "'");
    }
}
