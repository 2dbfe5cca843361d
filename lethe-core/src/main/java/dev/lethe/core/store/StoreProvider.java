package dev.lethe.core.store;

import java.util.Set;

/**
 * Creates {@link Store}s of the types it claims. Found through {@link java.util.ServiceLoader}: a store module
 * lists its provider in {@code META-INF/services/dev.lethe.core.store.StoreProvider}.
 */
public interface StoreProvider {

    /** The {@code type:} values this provider opens, e.g. {@code postgres}, {@code mariadb}, {@code mysql}. */
    Set<String> types();

    /**
     * Opens a store. Implementations connect lazily or eagerly as they see fit, but must fail with
     * {@link StoreException} (naming the store, never its password) when the store cannot be reached.
     */
    Store open(StoreSpec spec);
}
