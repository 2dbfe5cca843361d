package dev.lethe.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.codec.StringCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real three-master Redis Cluster on loopback ports: three {@code redis-server --cluster-enabled yes}
 * processes joined with {@code redis-cli --cluster create}, ready once every node reports
 * {@code cluster_state:ok}.
 */
final class TestCluster extends RedisDeployment {

    private final List<RedisProcess> nodes;
    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> connection;
    private final RedisClusterCommands<String, String> keys;

    private TestCluster(List<RedisProcess> nodes) {
        super(nodes.stream().map(node -> node.port).toList());
        this.nodes = nodes;
        this.client = RedisClusterClient.create(nodes.stream().map(n -> RedisURI.create("127.0.0.1", n.port)).toList());
        this.connection = client.connect(StringCodec.UTF8);
        this.keys = connection.sync();
    }

    static TestCluster start() {
        List<RedisProcess> nodes = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                nodes.add(RedisProcess.start(true));
            }
            create(nodes);
            for (RedisProcess node : nodes) {
                RedisProcess.awaitCondition("cluster node " + node.port + " reports cluster_state:ok",
                        Duration.ofSeconds(30), () -> clusterInfo(node.port).contains("cluster_state:ok"));
            }
            return new TestCluster(nodes);
        } catch (RuntimeException e) {
            nodes.forEach(RedisProcess::close);
            throw e;
        }
    }

    private static void create(List<RedisProcess> nodes) {
        List<String> command = new ArrayList<>(List.of(RedisProcess.binary("redis-cli"), "--cluster", "create"));
        nodes.forEach(node -> command.add("127.0.0.1:" + node.port));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        String output = run(command);
        if (!output.contains("All 16384 slots covered")) {
            throw new IllegalStateException("redis-cli --cluster create failed:\n" + output);
        }
    }

    private static String clusterInfo(int port) {
        return run(List.of(RedisProcess.binary("redis-cli"), "-p", String.valueOf(port), "cluster", "info"));
    }

    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command, e);
        }
    }

    @Override
    Map<String, String> settings() {
        return Map.of("cluster", nodes.stream().map(n -> "redis://127.0.0.1:" + n.port).collect(Collectors.joining(",")));
    }

    @Override
    RedisClusterCommands<String, String> keys() {
        return keys;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
        super.close();
        nodes.forEach(RedisProcess::close);
    }
}
