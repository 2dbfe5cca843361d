/**
 * Leases: at most one instance runs a given policy at a time. A lease has an owner, an expiry measured on
 * the lease store's own clock (so instances with skewed clocks still agree) and a fencing number that grows
 * with every new holder, so a holder that lost its lease can be told apart from the current one.
 */
package dev.lethe.core.lease;
