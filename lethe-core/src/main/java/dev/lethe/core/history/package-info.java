/**
 * The history SPI: where the engine records runs. Implemented by the JDBC state store (SQLite by default,
 * PostgreSQL for shared state) and, for embedding and tests, {@link dev.lethe.core.history.InMemoryRunHistory}.
 */
package dev.lethe.core.history;
