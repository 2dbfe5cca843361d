package dev.lethe.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.Collection;
import java.util.List;

/** A single Redis/Valkey server: it is its own only master, and any keys may share a command. */
final class StandaloneTopology implements RedisTopology {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final String describe;

    StandaloneTopology(RedisURI uri, String describe) {
        this.describe = describe;
        this.client = RedisClients.standalone(uri);
        this.connection = RedisClients.connect(client, () -> client.connect(StringCodec.UTF8));
    }

    @Override
    public RedisClusterAsyncCommands<String, String> commands() {
        return connection.async();
    }

    @Override
    public List<Master> masters() {
        return List.of(new Master(describe, connection.async()));
    }

    @Override
    public List<List<String>> groups(Collection<String> keys, int max) {
        return RedisTopology.chunks(List.copyOf(keys), max);
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
        RedisClients.close(connection, client);
    }
}
