/**
 * How a SQL store sweeps: policy compilation, statements, keyset batching, planning and checks. Not an API: types
 * are public only so {@link dev.lethe.jdbc.JdbcStoreProvider} can assemble them; they may change at any time.
 */
package dev.lethe.jdbc.internal;
