package dev.lethe.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulConnection;
import java.util.function.Supplier;

/**
 * Opening and closing Lettuce clients, shared by the Redis store and the Redis state store: URIs name the
 * connection {@value #CLIENT_NAME} (so {@code CLIENT LIST} and {@code SLOWLOG} show who Lethe is), and a client
 * whose connection fails is shut down at once, so no event-loop threads outlive it.
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

    /** The connection {@code connect} opens with {@code client}; on failure the client is shut down. */
    public static <C> C connect(AbstractRedisClient client, Supplier<C> connect) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            client.shutdown();
            throw e;
        }
    }

    /** Closes {@code connection}, then shuts {@code client} down (its threads included). */
    public static void close(StatefulConnection<?, ?> connection, AbstractRedisClient client) {
        try {
            connection.close();
        } finally {
            client.shutdown();
        }
    }
}
