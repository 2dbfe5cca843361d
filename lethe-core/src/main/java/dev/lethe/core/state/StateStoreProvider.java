package dev.lethe.core.state;

import dev.lethe.core.history.RunHistory;
import dev.lethe.core.lease.LeaseStore;

/**
 * Opens the run history and the leases of the state URLs it claims. Found through
 * {@link java.util.ServiceLoader}: a module lists its provider in
 * {@code META-INF/services/dev.lethe.core.state.StateStoreProvider}.
 */
public interface StateStoreProvider {

    /** Whether this provider opens {@code url}, judged by its scheme (e.g. {@code redis://}) without connecting. */
    boolean accepts(String url);

    /** Opens the run history at {@code url}, creating what it needs; fails naming the URL, password masked. */
    RunHistory openHistory(String url);

    /** Opens the leases at {@code url}; fails naming the URL, password masked. */
    LeaseStore openLeases(String url);
}
