/**
 * Redis as Lethe's state store ({@code state: redis://…}): run history
 * ({@link dev.lethe.redis.state.RedisRunHistory}) and leases ({@link dev.lethe.redis.state.RedisLeaseStore}),
 * so several daemons that share a Redis share their work. Every key lives under one hash tag, so in a cluster
 * all of them sit in one slot and each operation is a single atomic script judged by the server's clock.
 */
package dev.lethe.redis.state;
