/**
 * The JDBC state store: where the CLI and the daemon keep run history, in embedded SQLite by default
 * ({@code jdbc:sqlite:lethe-state.db}) or in PostgreSQL when several instances share it.
 *
 * <p>{@link dev.lethe.jdbc.state.StateStores#open(String)} turns a state URL into a
 * {@link dev.lethe.core.history.RunHistory}; Lethe creates and migrates its own tables
 * ({@code lethe_schema_version}, {@code lethe_runs}).
 */
package dev.lethe.jdbc.state;
