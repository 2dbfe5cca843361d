package dev.lethe.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.util.List;
import java.util.function.Supplier;

/**
 * Opening and closing Lettuce clients, shared by the Redis store and the Redis state store: URIs name the
 * connection {@value #CLIENT_NAME} (so {@code CLIENT LIST} and {@code SLOWLOG} show who Lethe is), and a client
 * whose connection fails is shut down at once, so no event-loop threads outlive it.
 *
 * <p>Every client gets resources of its own without Lettuce's command latency statistics: Lethe never reads
 * them, and with HdrHistogram and LatencyUtils on the class path (lethe.jar has them, for the daemon's metrics)
 * Lettuce would otherwise time every command into a histogram and start a pause-detector thread — work on the
 * same two hands that must keep up with the server during a sweep. Closing a client shuts its resources down.
 */
public final class RedisClients {

    /** The client name Lethe's connections announce with {@code CLIENT SETNAME}, unless the URI sets one. */
    public static final String CLIENT_NAME = "lethe";

    private RedisClients() {
    }

    /**
     * Parses a Redis URI ({@code redis://}, {@code rediss://}, with user, password, database).
     *
     * @throws IllegalArgumentException naming the URI with its password masked
     */
    public static RedisURI uri(String text) {
        RedisURI uri;
        try {
            uri = RedisURI.create(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + RedisUris.mask(text) + "' is not a Redis URI (expected"
                    + " redis://host:port or rediss://…)", e);
        }
        if (uri.getClientName() == null) {
            uri.setClientName(CLIENT_NAME);
        }
        return uri;
    }

    /** A client for one standalone server; {@link #close} it. */
    public static RedisClient standalone(RedisURI uri) {
        return RedisClient.create(resources(), uri);
    }

    /** A client for a cluster, from seed URIs; {@link #close} it. */
    public static RedisClusterClient cluster(List<RedisURI> seeds) {
        return RedisClusterClient.create(resources(), seeds);
    }

    private static ClientResources resources() {
        return DefaultClientResources.builder().commandLatencyRecorder(CommandLatencyRecorder.disabled()).build();
    }

    /** The connection {@code connect} opens with {@code client}; on failure the client is shut down. */
    public static <C> C connect(AbstractRedisClient client, Supplier<C> connect) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            shutdown(client);
            throw e;
        }
    }

    /** Closes {@code connection}, then shuts {@code client} down (its threads included). */
    public static void close(StatefulConnection<?, ?> connection, AbstractRedisClient client) {
        try {
            connection.close();
        } finally {
            shutdown(client);
        }
    }

    /** Shuts down the client, then its resources, which are its own (a client leaves given resources running). */
    private static void shutdown(AbstractRedisClient client) {
        try {
            client.shutdown();
        } finally {
            client.getResources().shutdown();
        }
    }
}
