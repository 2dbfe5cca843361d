package dev.lethe.cli;

import dev.lethe.config.ConfigLoader;
import dev.lethe.config.LetheConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config} and {@code --json}: the options every config-reading command takes. */
class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "lethe.yaml",
            description = "The config file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    /** Loads and validates the config file; a bad config surfaces as a one-line {@code ConfigException}. */
    LetheConfig load() {
        if (!Files.isRegularFile(config)) {
            throw CliException.usage(config + ": no such config file (pass --config FILE)");
        }
        return ConfigLoader.load(config);
    }
}
