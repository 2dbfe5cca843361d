package dev.lethe.jdbc.state;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.lease.LeaseStore;
import dev.lethe.core.state.StateStoreProvider;
import dev.lethe.jdbc.lease.JdbcLeaseStore;

/**
 * The state stores of {@code lethe-jdbc}: {@code jdbc:sqlite:} and {@code jdbc:postgresql:} URLs, for run
 * history ({@link JdbcRunHistory}) and leases ({@link JdbcLeaseStore}). Registered through
 * {@code META-INF/services/dev.lethe.core.state.StateStoreProvider}.
 */
public final class JdbcStateStoreProvider implements StateStoreProvider {

    @Override
    public boolean accepts(String url) {
        return StateDialect.recognises(url);
    }

    @Override
    public RunHistory openHistory(String url) {
        return new JdbcRunHistory(url);
    }

    @Override
    public LeaseStore openLeases(String url) {
        return JdbcLeaseStore.open(url);
    }
}
