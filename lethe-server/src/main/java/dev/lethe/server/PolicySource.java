package dev.lethe.server;

/**
 * Where a daemon gets its {@link Workload}: once at start, and again on every reload. A source that cannot
 * produce a usable workload throws, with a message for the operator ({@code file:line:col: reason} for a config
 * file); the daemon then keeps the workload it has.
 */
@FunctionalInterface
public interface PolicySource {

    /** Loads a fresh workload. */
    Workload load();
}
