package dev.lethe.redis;

import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.StoreProvider;
import dev.lethe.core.store.StoreSpec;
import io.lettuce.core.RedisURI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Opens Redis and Valkey stores ({@code type: redis}; Valkey speaks the same protocol). Settings:
 * <ul>
 *   <li>{@code uri} — one standalone server, e.g. {@code redis://127.0.0.1:6379} or
 *       {@code rediss://user:secret@host:6380/2};</li>
 *   <li>{@code cluster} — a cluster, as comma-separated seed URIs; the rest of the topology is discovered;</li>
 *   <li>{@code scanCount} — the {@code COUNT} hint of every {@code SCAN} step (default
 *       {@value RedisStore#DEFAULT_SCAN_COUNT}), which bounds how long one step holds the server.</li>
 * </ul>
 * Exactly one of {@code uri} and {@code cluster} must be set. The store connects when opened, so a wrong
 * address fails at once, naming the store but never its password.
 */
public final class RedisStoreProvider implements StoreProvider {

    @Override
    public Set<String> types() {
        return Set.of("redis");
    }

    @Override
    public Store open(StoreSpec spec) {
        String name = spec.name();
        int scanCount = spec.setting("scanCount").map(value -> scanCount(name, value)).orElse(RedisStore.DEFAULT_SCAN_COUNT);
        if (spec.setting("uri").isPresent() == spec.setting("cluster").isPresent()) {
            throw new StoreException("store '" + name + "': set exactly one of 'uri' (a standalone server) and"
                    + " 'cluster' (comma-separated seed URIs)");
        }
        RedisTopology topology;
        if (spec.setting("uri").isPresent()) {
            String uri = spec.setting("uri").get().trim();
            topology = connect(name, RedisUris.mask(uri), () -> new StandaloneTopology(parse(name, uri), RedisUris.mask(uri)));
        } else {
            List<String> seeds = Arrays.stream(spec.setting("cluster").get().split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).toList();
            if (seeds.isEmpty()) {
                throw new StoreException("store '" + name + "': 'cluster' lists no URI");
            }
            String shown = String.join(",", seeds.stream().map(RedisUris::mask).toList());
            topology = connect(name, shown, () -> new ClusterTopology(seeds.stream().map(s -> parse(name, s)).toList(), shown));
        }
        return new RedisStore(name, topology, scanCount);
    }

    private static RedisTopology connect(String name, String shown, java.util.function.Supplier<RedisTopology> opener) {
        try {
            return opener.get();
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StoreException("store '" + name + "': cannot connect to " + shown + ": "
                    + RedisUris.mask(String.valueOf(rootMessage(e))), e);
        }
    }

    private static RedisURI parse(String name, String uri) {
        try {
            return RedisClients.uri(uri);
        } catch (IllegalArgumentException e) {
            throw new StoreException("store '" + name + "': " + e.getMessage());
        }
    }

    private static int scanCount(String name, String value) {
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 1) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StoreException("store '" + name + "': scanCount must be a positive integer, was '" + value + "'");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? e.getMessage() : root.getMessage();
    }
}
