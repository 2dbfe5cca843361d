/**
 * SQL stores over JDBC — PostgreSQL, MariaDB/MySQL and SQLite — registered with the engine through
 * {@link dev.lethe.jdbc.JdbcStoreProvider}.
 *
 * <p>A table policy is checked against the real schema before anything changes ({@code EXPLAIN} of every
 * statement a run executes), then swept in keyset batches over its single key column: set-based, one transaction
 * per batch, the predicate re-evaluated by every changing statement, outcome counts exact for what each batch
 * changed. Named parameters ({@code :now}, cutoffs, {@code :keys} in cascades) and update values are bound,
 * never spliced; identifiers are checked and quoted by the {@link dev.lethe.jdbc.dialect.Dialect}.
 *
 * <p>Time columns: {@code olderThan} with unit {@code timestamp} compares the column with the store's clock as the
 * database itself would compare it with {@code NOW() - INTERVAL}; {@code epoch-seconds} and {@code epoch-millis}
 * compare numbers. {@code :now} and named cutoffs are bound as timestamps: compare them with date/time columns
 * only.
 */
package dev.lethe.jdbc;
