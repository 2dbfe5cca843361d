/**
 * The HTTP admin API of the daemon, on the JDK's built-in HTTP server: read-only {@code GET} endpoints, and
 * {@code POST} endpoints that need the bearer token from {@code LETHE_ADMIN_TOKEN}. Bound to 127.0.0.1 unless
 * configured otherwise. See {@link dev.lethe.server.http.AdminApi} for the endpoints.
 */
package dev.lethe.server.http;
