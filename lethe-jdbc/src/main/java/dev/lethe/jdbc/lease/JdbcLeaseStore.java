package dev.lethe.jdbc.lease;

import dev.lethe.core.lease.Lease;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.jdbc.state.StateDialect;
import dev.lethe.jdbc.state.StateStores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Leases in a SQLite or PostgreSQL state store, table {@code lethe_leases(name, owner, fencing, expires_at)}.
 *
 * <pre>{@code
 * try (LeaseStore leases = JdbcLeaseStore.open("jdbc:postgresql://db/lethe?user=lethe")) {
 *     Optional<Lease> lease = leases.tryAcquire("policy:pending-uploads", owner, Duration.ofSeconds(30));
 *     ...
 * }
 * }</pre>
 *
 * <p>Design note — one statement per decision, judged by the database clock. Taking a lease is a single
 * upsert: insert the row, or take it over when it has expired or is already ours
 * ({@code ON CONFLICT (name) DO UPDATE … WHERE expires_at < now OR owner = excluded.owner RETURNING …}).
 * The database serialises concurrent upserts of one row, so of two instances racing for a free lease exactly
 * one gets a row back. {@code now} is read inside each statement from the database's clock; instances whose
 * clocks disagree still agree on who holds a lease. Expiry times are stored as epoch milliseconds, the state
 * store's portable time type.
 *
 * <p>Fencing: every successful {@link #tryAcquire} adds one to the row's fencing number, and the row is never
 * deleted — {@link #release} only expires it — so the number grows with every new holder for the life of the
 * state store. {@link #renew} and {@link #release} match on owner and fencing number, so a holder that lost
 * its lease (it expired and was taken over) can neither extend nor end its successor's. A lease that has
 * expired cannot be renewed even if nobody took it yet: its holder has to assume it is lost.
 *
 * <p>A connection is opened per operation, as for run history: a renewal every few seconds costs nothing
 * next to a run, and the store survives a restarted database without reconnect logic.
 */
public final class JdbcLeaseStore implements LeaseStore {

    private final String url;
    private final StateDialect dialect;

    private JdbcLeaseStore(String url, StateDialect dialect) {
        this.url = url;
        this.dialect = dialect;
    }

    /**
     * Opens the lease store in the state database at {@code url}. {@code lethe_leases} is one of the state store's
     * migrations, so opening the state store creates it, together with run history.
     *
     * @throws IllegalArgumentException when the URL is neither {@code jdbc:sqlite:} nor {@code jdbc:postgresql:}
     * @throws dev.lethe.jdbc.state.StateStoreException when the database cannot be reached or migrated
     */
    public static JdbcLeaseStore open(String url) {
        Objects.requireNonNull(url, "state url");
        StateDialect dialect = StateDialect.of(url);
        StateStores.open(url).close();
        return new JdbcLeaseStore(url, dialect);
    }

    @Override
    public Optional<Lease> tryAcquire(String name, String owner, Duration ttl) {
        requireTtl(ttl);
        String now = dialect.nowMillis();
        String sql = "INSERT INTO lethe_leases (name, owner, fencing, expires_at) VALUES (?, ?, 1, " + now + " + ?)"
                + " ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, fencing = lethe_leases.fencing + 1,"
                + " expires_at = excluded.expires_at"
                + " WHERE lethe_leases.expires_at < " + now + " OR lethe_leases.owner = excluded.owner"
                + " RETURNING fencing, expires_at";
        try (Connection connection = connect(); PreparedStatement upsert = connection.prepareStatement(sql)) {
            upsert.setString(1, name);
            upsert.setString(2, owner);
            upsert.setLong(3, ttl.toMillis());
            try (ResultSet row = upsert.executeQuery()) {
                return row.next() ? Optional.of(new Lease(name, owner, row.getLong(1), Instant.ofEpochMilli(row.getLong(2))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot take lease '" + name + "'", e);
        }
    }

    @Override
    public Optional<Lease> renew(Lease lease, Duration ttl) {
        requireTtl(ttl);
        String now = dialect.nowMillis();
        String sql = "UPDATE lethe_leases SET expires_at = " + now + " + ?"
                + " WHERE name = ? AND owner = ? AND fencing = ? AND expires_at >= " + now + " RETURNING expires_at";
        try (Connection connection = connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            update.setLong(1, ttl.toMillis());
            bindHolder(update, 2, lease);
            try (ResultSet row = update.executeQuery()) {
                return row.next()
                        ? Optional.of(new Lease(lease.name(), lease.owner(), lease.fencing(), Instant.ofEpochMilli(row.getLong(1))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot renew lease '" + lease.name() + "'", e);
        }
    }

    @Override
    public void release(Lease lease) {
        // Expire rather than delete: the row keeps the fencing number for the next holder.
        String sql = "UPDATE lethe_leases SET expires_at = 0 WHERE name = ? AND owner = ? AND fencing = ?";
        try (Connection connection = connect(); PreparedStatement update = connection.prepareStatement(sql)) {
            bindHolder(update, 1, lease);
            update.executeUpdate();
        } catch (SQLException e) {
            throw failure("cannot release lease '" + lease.name() + "'", e);
        }
    }

    /** The current holder of {@code name}, if the lease is held and not expired. */
    public Optional<Lease> holder(String name) {
        String sql = "SELECT owner, fencing, expires_at FROM lethe_leases WHERE name = ? AND expires_at >= "
                + dialect.nowMillis();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next()
                        ? Optional.of(new Lease(name, row.getString(1), row.getLong(2), Instant.ofEpochMilli(row.getLong(3))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read lease '" + name + "'", e);
        }
    }

    /** Nothing to close: connections are opened per operation. */
    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return "JdbcLeaseStore[" + StateStores.redact(url) + "]";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, dialect.leaseConnectionProperties());
    }

    private static void bindHolder(PreparedStatement statement, int first, Lease lease) throws SQLException {
        statement.setString(first, lease.name());
        statement.setString(first + 1, lease.owner());
        statement.setLong(first + 2, lease.fencing());
    }

    private static void requireTtl(Duration ttl) {
        if (ttl.toMillis() < 1) {
            throw new IllegalArgumentException("lease ttl must be at least 1ms, was " + ttl);
        }
    }

    private LeaseStoreException failure(String doing, SQLException cause) {
        return new LeaseStoreException("lease store " + StateStores.redact(url) + ": " + doing + ": " + cause.getMessage(),
                cause);
    }
}
