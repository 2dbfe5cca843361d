/**
 * The state-store SPI: where run history and leases live, chosen by the config's {@code state:} URL. A module
 * that keeps state ({@code lethe-jdbc} for {@code jdbc:sqlite:} and {@code jdbc:postgresql:}, {@code lethe-redis}
 * for {@code redis://}) registers a {@link dev.lethe.core.state.StateStoreProvider} through
 * {@link java.util.ServiceLoader}; the CLI and the daemon find it with {@link dev.lethe.core.state.StateStoreProviders}.
 */
package dev.lethe.core.state;
