package dev.lethe.config;

import dev.lethe.config.internal.ConfigReader;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a {@code lethe.yaml} into a {@link LetheConfig}.
 *
 * <p>The file is validated completely before anything is returned: the first problem found is thrown as a
 * {@link ConfigException} located at the offending node ({@code file:line:col: message}). {@code ${env:NAME}}
 * and {@code ${env:NAME:-default}} in any string value are replaced from the environment; relative
 * {@code path}/{@code root} settings of sqlite and fs stores are resolved against the config file's directory.
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Loads {@code file}, resolving {@code ${env:…}} from the process environment.
     *
     * @throws ConfigException when the file cannot be read or is not a valid config
     */
    public static LetheConfig load(Path file) {
        return load(file, System.getenv());
    }

    /**
     * Loads {@code file}, resolving {@code ${env:…}} from {@code env} (tests pass their own map).
     *
     * @throws ConfigException when the file cannot be read or is not a valid config
     */
    public static LetheConfig load(Path file, Map<String, String> env) {
        return ConfigReader.read(file, Map.copyOf(env));
    }
}
