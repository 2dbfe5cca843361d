package dev.lethe.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The servers behind a Redis store: one standalone server, or the masters of a cluster. Keyspace-wide
 * commands ({@code SCAN}, {@code DBSIZE}) go to every master; commands about keys go through
 * {@link #commands()}, which a cluster routes by slot (following redirects). All connections are shared and
 * thread-safe: commands are pipelined by issuing them asynchronously, never by switching off auto-flush.
 */
interface RedisTopology extends AutoCloseable {

    /** Commands routed by key. */
    RedisClusterAsyncCommands<String, String> commands();

    /** One connection per master, in a stable order. */
    List<Master> masters();

    /**
     * Splits keys into groups a single multi-key command may carry: chunks of at most {@code max} keys; in a
     * cluster, each group also lies in one hash slot (a multi-key command must not cross slots).
     */
    List<List<String>> groups(Collection<String> keys, int max);

    /** Consecutive chunks of at most {@code max} keys. */
    static List<List<String>> chunks(List<String> keys, int max) {
        List<List<String>> chunks = new ArrayList<>((keys.size() + max - 1) / max);
        for (int from = 0; from < keys.size(); from += max) {
            chunks.add(keys.subList(from, Math.min(keys.size(), from + max)));
        }
        return chunks;
    }

    /** Redis URIs for display, passwords masked. */
    String describe();

    @Override
    void close();

    /**
     * One master.
     *
     * @param id       node id (a cluster node id, or the URI of a standalone server)
     * @param commands a connection to that master only
     */
    record Master(String id, RedisClusterAsyncCommands<String, String> commands) {
    }
}
