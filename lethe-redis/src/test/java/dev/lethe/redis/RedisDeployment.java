package dev.lethe.redis;

import dev.lethe.core.store.StoreSpec;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Redis deployment the tests run against: how a store reaches it, a client to arrange keys with, and a
 * direct connection to each master to read its statistics.
 */
abstract class RedisDeployment implements AutoCloseable {

    private static final Pattern CALLS = Pattern.compile("calls=(\\d+)");

    private final List<RedisClient> clients = new ArrayList<>();
    private final List<RedisCommands<String, String>> masters = new ArrayList<>();

    RedisDeployment(List<Integer> masterPorts) {
        for (int port : masterPorts) {
            RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
            StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8);
            clients.add(client);
            masters.add(connection.sync());
        }
    }

    /** Store settings that reach this deployment. */
    abstract Map<String, String> settings();

    /** Synchronous commands routed by key, for arranging and inspecting keys. */
    abstract RedisClusterCommands<String, String> keys();

    /** A store spec named {@code name}. */
    StoreSpec spec(String name) {
        return new StoreSpec(name, "redis", settings());
    }

    /** How many times the masters together have executed {@code command} (from INFO commandstats). */
    long calls(String command) {
        long total = 0;
        for (RedisCommands<String, String> master : masters) {
            for (String line : master.info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_" + command + ":")) {
                    Matcher matcher = CALLS.matcher(line);
                    total += matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
                }
            }
        }
        return total;
    }

    /** Keys matching {@code glob} on all masters, in key order. */
    List<String> scan(String glob) {
        List<String> keys = new ArrayList<>();
        for (RedisCommands<String, String> master : masters) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> reply = master.scan(cursor, ScanArgs.Builder.matches(glob).limit(1000));
                keys.addAll(reply.getKeys());
                cursor = reply;
            } while (!cursor.isFinished());
        }
        return keys.stream().distinct().sorted().toList();
    }

    /** Removes every key under {@code prefix} (a cluster connection splits a multi-key UNLINK by slot). */
    void deleteAll(String prefix) {
        List<String> all = scan(prefix + "*");
        for (int from = 0; from < all.size(); from += 1000) {
            keys().unlink(all.subList(from, Math.min(all.size(), from + 1000)).toArray(String[]::new));
        }
    }

    /** The server clock of the first master, in milliseconds since the epoch. */
    long timeMillis() {
        List<String> time = masters.get(0).time();
        return Long.parseLong(time.get(0)) * 1000 + Long.parseLong(time.get(1)) / 1000;
    }

    @Override
    public void close() {
        clients.forEach(RedisClient::shutdown);
    }

    /** One server. */
    static final class Standalone extends RedisDeployment {
        private final int port;
        private final RedisProcess process;
        private final RedisClient client;
        private final RedisCommands<String, String> keys;

        /** A server on {@code port}; {@code process} is stopped on close when the tests started it, else null. */
        Standalone(int port, RedisProcess process) {
            super(List.of(port));
            this.port = port;
            this.process = process;
            this.client = RedisClient.create(RedisURI.create("127.0.0.1", port));
            this.keys = client.connect(StringCodec.UTF8).sync();
        }

        @Override
        Map<String, String> settings() {
            return Map.of("uri", "redis://127.0.0.1:" + port);
        }

        @Override
        RedisClusterCommands<String, String> keys() {
            return keys;
        }

        @Override
        public void close() {
            client.shutdown();
            super.close();
            if (process != null) {
                process.close();
            }
        }
    }
}
