/**
 * The daemon's metrics, in Micrometer and exposed in Prometheus format on {@code GET /metrics}.
 * {@link dev.lethe.server.metrics.LetheMetrics} lists every meter; {@code docs/operations.md} shows alert rules.
 */
package dev.lethe.server.metrics;
