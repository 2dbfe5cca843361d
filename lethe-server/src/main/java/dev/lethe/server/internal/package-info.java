/**
 * The daemon's machinery, not an API: the scheduling loop ({@link dev.lethe.server.internal.PolicyScheduler}),
 * leased runs ({@link dev.lethe.server.internal.LeasedRunner}, {@link dev.lethe.server.internal.LeaseKeeper}),
 * config generations for reload, and the log.
 */
package dev.lethe.server.internal;
