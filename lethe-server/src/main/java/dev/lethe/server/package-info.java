/**
 * The Lethe daemon as a library: {@link dev.lethe.server.LetheServer} runs policies on their schedules with
 * leases, metrics, a log line per run and, optionally, the HTTP admin API. {@code lethe serve} starts it from a
 * config file ({@link dev.lethe.server.ConfigFileSource}); a service embeds it with a
 * {@link dev.lethe.server.Workload} of its own. See {@code docs/operations.md}.
 */
package dev.lethe.server;
