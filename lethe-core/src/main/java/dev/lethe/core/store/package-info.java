/**
 * The store SPI: what a store module implements. Deliberately small — a store reads its clock, prepares a
 * policy (validating it against the real store without changing anything), plans, and processes one atomic
 * batch at a time. Limits, guards, dry run, timeouts, reports and history live once, in the engine.
 *
 * <p>A store module registers a {@link dev.lethe.core.store.StoreProvider} through {@link java.util.ServiceLoader}
 * and passes the shared {@code StoreContractTest} suite of {@code lethe-test-support}.
 */
package dev.lethe.core.store;
