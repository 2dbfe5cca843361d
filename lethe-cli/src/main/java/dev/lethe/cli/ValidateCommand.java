package dev.lethe.cli;

import dev.lethe.config.LetheConfig;
import dev.lethe.core.report.ReportJson;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code lethe validate}: loads the config, reports the first problem as {@code file:line:col: message}. */
@Command(name = "validate", description = {
        "Check the config file, without connecting to any store.",
        "Syntax, keys, values and references are checked; a problem is reported as one line, "
                + "file:line:col: message, with exit code 2."})
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    LetheCommand root;

    @Mixin
    CommonOptions options;

    @Option(names = "--show", description = "Print the effective config, secrets masked.")
    boolean show;

    @Override
    public Integer call() {
        LetheConfig config = options.load();
        options.select(config);
        ConfiguredEngine.checkState(config);
        PrintWriter out = root.out();
        EffectiveConfig effective = EffectiveConfig.of(config);
        if (options.json) {
            out.println(ReportJson.write(effective));
        } else if (show) {
            effective.print(out);
        } else {
            out.println(config.file() + ": ok, " + plural(config.stores().size(), "store") + ", "
                    + plural(config.policies().size(), "policy"));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static String plural(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s");
    }
}
