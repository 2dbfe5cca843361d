package dev.lethe.core.engine;

import dev.lethe.core.store.Store;
import dev.lethe.core.store.StoreException;
import dev.lethe.core.store.StoreProvider;
import dev.lethe.core.store.StoreSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The stores an engine may use, opened lazily on first use and closed with the registry. Store types are
 * resolved through the {@link StoreProvider}s on the class path.
 */
public final class StoreRegistry implements AutoCloseable {

    private final Map<String, StoreSpec> specs = new LinkedHashMap<>();
    private final Map<String, Store> open = new LinkedHashMap<>();
    private final List<StoreProvider> providers;

    public StoreRegistry() {
        this(ServiceLoader.load(StoreProvider.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    public StoreRegistry(List<StoreProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /** Registers a store to be opened from its spec when first used. */
    public StoreRegistry add(StoreSpec spec) {
        specs.put(spec.name(), spec);
        return this;
    }

    /** Registers an already open store; the registry closes it. */
    public StoreRegistry add(Store store) {
        open.put(store.name(), store);
        return this;
    }

    /**
     * The named store, opening it if needed.
     *
     * @throws StoreException when no store has that name, no provider claims its type, or it cannot be opened
     */
    public synchronized Store get(String name) {
        Store store = open.get(name);
        if (store != null) {
            return store;
        }
        StoreSpec spec = specs.get(name);
        if (spec == null) {
            throw new StoreException("no store named '" + name + "'; known stores: " + names());
        }
        StoreProvider provider = providers.stream()
                .filter(p -> p.types().contains(spec.type()))
                .findFirst()
                .orElseThrow(() -> new StoreException("store '" + name + "': no module on the class path handles type '"
                        + spec.type() + "'"));
        store = provider.open(spec);
        open.put(name, store);
        return store;
    }

    private List<String> names() {
        return java.util.stream.Stream.concat(specs.keySet().stream(), open.keySet().stream()).distinct().sorted().toList();
    }

    @Override
    public synchronized void close() {
        for (Store store : open.values()) {
            try {
                store.close();
            } catch (RuntimeException e) {
                // Closing is best effort: one store failing to close must not keep the others open.
                org.slf4j.LoggerFactory.getLogger(StoreRegistry.class).warn("closing store {} failed: {}", store.name(), e.toString());
            }
        }
        open.clear();
    }
}
