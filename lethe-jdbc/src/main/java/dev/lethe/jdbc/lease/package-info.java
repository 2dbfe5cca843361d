/**
 * Leases in the JDBC state store: {@link dev.lethe.jdbc.lease.JdbcLeaseStore} implements
 * {@link dev.lethe.core.lease.LeaseStore} on SQLite (one node) and PostgreSQL (several instances sharing work),
 * in the table {@code lethe_leases} of the same database that keeps run history.
 */
package dev.lethe.jdbc.lease;
