package dev.lethe.cli;

import dev.lethe.config.ConfigLoader;
import dev.lethe.config.LetheConfig;
import dev.lethe.core.policy.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config}, {@code --policy} and {@code --json}: the options every config-reading command takes. */
final class CommonOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "lethe.yaml",
            description = "The config file (default: ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = {"-p", "--policy"}, paramLabel = "NAME",
            description = "Only this policy; repeat for several (default: every policy, in config order).")
    List<String> policies = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    /** Loads and validates the config file; a bad config surfaces as a one-line {@code ConfigException}. */
    LetheConfig load() {
        if (!Files.isRegularFile(config)) {
            throw CliException.usage(config + ": no such config file (pass --config FILE)");
        }
        return ConfigLoader.load(config);
    }

    /**
     * The policies named by {@code --policy}, in the order given, or all of them.
     *
     * @throws CliException (usage) for a name the config does not define, with the closest known name
     */
    List<Policy> select(LetheConfig loaded) {
        if (policies.isEmpty()) {
            return loaded.policies();
        }
        List<Policy> selected = new ArrayList<>();
        for (String name : new LinkedHashSet<>(policies)) {
            selected.add(loaded.policy(name).orElseThrow(() -> unknownPolicy(loaded, name)));
        }
        return selected;
    }

    static CliException unknownPolicy(LetheConfig loaded, String name) {
        List<String> known = loaded.policies().stream().map(Policy::name).toList();
        String hint = DidYouMean.closest(name, known).map(k -> "; did you mean '" + k + "'?").orElse("");
        String list = known.isEmpty() ? "it defines none" : "known: " + String.join(", ", known);
        return CliException.usage(loaded.file() + ": no policy named '" + name + "'" + hint + " (" + list + ")");
    }
}
