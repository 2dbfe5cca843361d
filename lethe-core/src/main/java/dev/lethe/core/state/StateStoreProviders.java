package dev.lethe.core.state;

import java.util.Optional;
import java.util.ServiceLoader;

/** Finds the {@link StateStoreProvider} on the class path that opens a given state URL. */
public final class StateStoreProviders {

    private StateStoreProviders() {
    }

    /** The first provider that accepts {@code url}, if any. */
    public static Optional<StateStoreProvider> forUrl(String url) {
        return ServiceLoader.load(StateStoreProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(provider -> provider.accepts(url)).findFirst();
    }
}
