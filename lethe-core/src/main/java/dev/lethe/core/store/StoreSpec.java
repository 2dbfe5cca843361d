package dev.lethe.core.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A named store as configured: its type ({@code postgres}, {@code sqlite}, ...) and its settings
 * ({@code url}, {@code user}, {@code path}, ...), with secrets already resolved.
 *
 * @param name     the store's name in the config
 * @param type     the store type a {@link StoreProvider} claims
 * @param settings type-specific settings
 */
public record StoreSpec(String name, String type, Map<String, String> settings) {

    /** Settings whose values never appear in a log, an error or an API response. */
    private static final java.util.Set<String> SECRET_SETTINGS = java.util.Set.of("password", "token", "secret");

    public StoreSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        settings = Map.copyOf(settings);
    }

    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /** The settings with secrets replaced by {@code ****}, for display. */
    public Map<String, String> maskedSettings() {
        Map<String, String> masked = new TreeMap<>(settings);
        masked.replaceAll((k, v) -> SECRET_SETTINGS.contains(k) ? "****" : v);
        return masked;
    }

    @Override
    public String toString() {
        return "StoreSpec[" + name + ", " + type + ", " + maskedSettings() + "]";
    }
}
