package dev.lethe.cli;

import dev.lethe.server.cli.ServeCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code lethe} command: its subcommands, the global options, and the terminal the commands write to. */
@Command(name = "lethe", mixinStandardHelpOptions = true, versionProvider = LetheCommand.Version.class,
        scope = ScopeType.INHERIT,
        description = "Retention and garbage collection for application state: declarative policies, one engine.",
        subcommands = {ValidateCommand.class, PlanCommand.class, RunCommand.class, CollectCommand.class,
                HistoryCommand.class, ServeCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:ok: every policy did (or, for plan, would do) all its work",
                "1:failure: every policy failed or was refused by a guard; nothing was done",
                "2:bad config or usage: one line on stderr, file:line:col: message",
                "3:partial: some items or policies failed or were refused, the rest was done"},
        footer = {"", "Config reference: docs/config.md. Add --stacktrace to any command to see where an error came from."})
final class LetheCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT, description = "On an error, print its stack trace too.")
    boolean stacktrace;

    private final boolean interactive;

    LetheCommand(boolean interactive) {
        this.interactive = interactive;
    }

    /** {@code lethe} alone: the usage, and exit code 2, since no command was given. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE;
    }

    /** Whether stderr is a terminal a progress line may be drawn on. */
    boolean interactive() {
        return interactive;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** The version of the build, from a resource Maven fills in. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties properties = new Properties();
            try (InputStream in = LetheCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"lethe " + properties.getProperty("version", "(unknown version)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
