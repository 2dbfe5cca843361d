package dev.lethe.cli;

import dev.lethe.config.ClosestName;
import dev.lethe.config.LetheConfig;
import dev.lethe.core.policy.Policy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --config}, {@code --json} ({@link ConfigOptions}) and {@code --policy}: what the policy commands take. */
final class CommonOptions extends ConfigOptions {

    @Option(names = {"-p", "--policy"}, paramLabel = "NAME",
            description = "Only this policy; repeat for several (default: every policy, in config order).")
    List<String> policies = new ArrayList<>();

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
        String hint = ClosestName.among(name, known).map(k -> "; did you mean '" + k + "'?").orElse("");
        String list = known.isEmpty() ? "it defines none" : "known: " + String.join(", ", known);
        return CliException.usage(loaded.file() + ": no policy named '" + name + "'" + hint + " (" + list + ")");
    }
}
