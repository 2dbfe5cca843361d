package dev.lethe.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Redis/Valkey Cluster. The keyspace is the union of the masters' keyspaces, so a walk visits every master
 * (replicas hold copies and are skipped); key commands go through the cluster connection, which routes them
 * by slot.
 */
final class ClusterTopology implements RedisTopology {

    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> connection;
    private final String describe;

    ClusterTopology(List<RedisURI> seeds, String describe) {
        this.describe = describe;
        this.client = RedisClients.cluster(seeds);
        this.connection = RedisClients.connect(client, () -> client.connect(StringCodec.UTF8));
    }

    @Override
    public RedisClusterAsyncCommands<String, String> commands() {
        return connection.async();
    }

    @Override
    public List<Master> masters() {
        List<Master> masters = new ArrayList<>();
        connection.getPartitions().getPartitions().stream()
                .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM))
                .sorted(Comparator.comparing(RedisClusterNode::getNodeId))
                .forEach(node -> masters.add(new Master(node.getNodeId(),
                        connection.getConnection(node.getNodeId()).async())));
        return masters;
    }

    @Override
    public List<List<String>> groups(Collection<String> keys, int max) {
        Map<Integer, List<String>> bySlot = new TreeMap<>();
        for (String key : keys) {
            bySlot.computeIfAbsent(SlotHash.getSlot(key), slot -> new ArrayList<>()).add(key);
        }
        List<List<String>> groups = new ArrayList<>();
        for (List<String> slot : bySlot.values()) {
            groups.addAll(RedisTopology.chunks(slot, max));
        }
        return groups;
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
