package dev.lethe.server;

import dev.lethe.config.ConfigLoader;
import dev.lethe.config.LetheConfig;
import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.history.RunHistory;
import dev.lethe.jdbc.state.StateStores;
import dev.lethe.server.internal.KeptOpenHistory;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Policies from a {@code lethe.yaml}, re-read on every reload. Each load builds a fresh store registry (stores
 * connect lazily, so a store that is down does not fail a reload; its runs fail instead), recording into the
 * daemon's one history. The state store cannot change while the daemon runs: a reload that changes
 * {@code state:} is refused.
 */
public final class ConfigFileSource implements PolicySource {

    private final Path file;
    private final RunHistory history;
    private final String stateUrl;

    /**
     * @param file     the config file
     * @param history  the daemon's history, opened from {@code stateUrl}; not closed by this source
     * @param stateUrl the resolved state URL in use ({@link #stateUrl(LetheConfig)})
     */
    public ConfigFileSource(Path file, RunHistory history, String stateUrl) {
        this.file = Objects.requireNonNull(file, "file");
        this.history = Objects.requireNonNull(history, "history");
        this.stateUrl = Objects.requireNonNull(stateUrl, "stateUrl");
    }

    /** The config's state URL, a relative SQLite file made absolute against the config file's directory. */
    public static String stateUrl(LetheConfig config) {
        return StateStores.resolve(config.state(), config.file().toAbsolutePath().getParent());
    }

    /**
     * @throws dev.lethe.config.ConfigException when the file is not a valid config ({@code file:line:col: reason})
     * @throws IllegalArgumentException        when it names another state store than the one in use
     */
    @Override
    public Workload load() {
        LetheConfig config = ConfigLoader.load(file);
        String wanted = stateUrl(config);
        if (!wanted.equals(stateUrl)) {
            throw new IllegalArgumentException(file + ": state: changed from " + StateStores.redact(stateUrl) + " to "
                    + StateStores.redact(wanted) + "; the state store cannot change while the daemon runs, restart it");
        }
        StoreRegistry stores = new StoreRegistry();
        config.stores().values().forEach(stores::add);
        Engine engine = Engine.builder().stores(stores).history(new KeptOpenHistory(history)).build();
        return new Workload(config.policies(), engine, stores::close, config.owners());
    }
}
