package dev.lethe.cli;

import dev.lethe.config.LetheConfig;
import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunListener;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.history.RunHistory;
import dev.lethe.jdbc.state.StateStoreException;
import dev.lethe.jdbc.state.StateStores;
import java.nio.file.Path;

/** The engine and the state store a config describes. */
final class ConfiguredEngine {

    private ConfiguredEngine() {
    }

    /** An engine over the config's stores, recording into its state store. */
    static Engine open(LetheConfig config, RunListener listener) {
        StoreRegistry stores = new StoreRegistry();
        config.stores().values().forEach(stores::add);
        return Engine.builder().stores(stores).history(history(config)).listener(listener).build();
    }

    /**
     * The config's state store; a relative SQLite file is relative to the config file's directory.
     *
     * @throws CliException usage for a state URL Lethe cannot use, failure for a store it cannot reach
     */
    static RunHistory history(LetheConfig config) {
        try {
            return StateStores.open(stateUrl(config));
        } catch (IllegalArgumentException e) {
            throw CliException.usage(config.file() + ": state: " + e.getMessage());
        } catch (StateStoreException e) {
            throw new CliException(ExitCode.FAILURE, e.getMessage(), e);
        }
    }

    /**
     * Checks, without connecting, that the config's state URL is one Lethe can open.
     *
     * @throws CliException usage, naming the config file, when it is not
     */
    static void checkState(LetheConfig config) {
        try {
            StateStores.requireSupported(config.state());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(config.file() + ": state: " + e.getMessage());
        }
    }

    /** The config's state URL, a relative SQLite file made absolute against the config file's directory. */
    static String stateUrl(LetheConfig config) {
        Path base = config.file().toAbsolutePath().getParent();
        return StateStores.resolve(config.state(), base);
    }
}
