package dev.lethe.redis.state;

import dev.lethe.redis.RedisClients;
import dev.lethe.redis.RedisUris;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.Arrays;
import java.util.List;

/**
 * The connection of a Redis state store: {@code redis://host:port[/db]} (or {@code rediss://}) for one server,
 * several such URIs separated by commas for a cluster. Keys carry the store's hash tag, so a cluster routes every
 * command and script of the store to one node.
 */
final class StateConnection implements AutoCloseable {

    private final String shown;
    private final AutoCloseable client;
    private final RedisClusterCommands<String, String> commands;

    private StateConnection(String shown, AutoCloseable client, RedisClusterCommands<String, String> commands) {
        this.shown = shown;
        this.client = client;
        this.commands = commands;
    }

    static StateConnection open(String url) {
        String shown = RedisUris.mask(url);
        try {
            List<RedisURI> uris = Arrays.stream(url.split(",")).map(RedisClients::uri).toList();
            if (uris.size() == 1) {
                RedisClient client = RedisClients.standalone(uris.get(0));
                StatefulRedisConnection<String, String> connection =
                        RedisClients.connect(client, () -> client.connect(StringCodec.UTF8));
                return new StateConnection(shown, () -> RedisClients.close(connection, client), connection.sync());
            }
            RedisClusterClient client = RedisClients.cluster(uris);
            StatefulRedisClusterConnection<String, String> connection =
                    RedisClients.connect(client, () -> client.connect(StringCodec.UTF8));
            return new StateConnection(shown, () -> RedisClients.close(connection, client), connection.sync());
        } catch (RuntimeException e) {
            throw new StateException("state store " + shown + ": cannot connect: " + RedisUris.mask(String.valueOf(e.getMessage())), e);
        }
    }


    /** Runs {@code script} atomically on the server. */
    <T> T script(String script, ScriptOutputType type, String[] keys, String... args) {
        try {
            return commands.eval(script, type, keys, args);
        } catch (RuntimeException e) {
            throw new StateException("state store " + shown + ": " + e.getMessage(), e);
        }
    }

    RedisClusterCommands<String, String> commands() {
        return commands;
    }

    String describe() {
        return shown;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            throw new StateException("state store " + shown + ": closing failed: " + e.getMessage(), e);
        }
    }
}
