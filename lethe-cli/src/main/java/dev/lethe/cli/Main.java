package dev.lethe.cli;

import dev.lethe.config.ConfigException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code lethe} executable. {@link #run} is the whole program and returns the exit code, so tests call it
 * in-process with their own streams; {@link #main} only exits with it.
 *
 * <p>Every error ends as one line on stderr and an {@link ExitCode}: config problems as
 * {@code file:line:col: message} (code 2), usage mistakes (2), anything unexpected (1). A stack trace is
 * printed only with {@code --stacktrace}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs {@code lethe} with these arguments, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.console() != null);
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean interactive) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine cli = new CommandLine(new LetheCommand(interactive))
                .setOut(outWriter)
                .setErr(errWriter)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(Main::usageError)
                .setExecutionExceptionHandler(Main::executionError);
        try {
            return cli.execute(args);
        } finally {
            outWriter.flush();
            errWriter.flush();
        }
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String hint = "";
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            List<String> suggestions = unmatched.getSuggestions();
            hint = "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
        }
        command.getErr().println(command.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage()) + hint
                + " (see " + command.getCommandSpec().qualifiedName() + " --help)");
        return ExitCode.USAGE;
    }

    private static int executionError(Exception e, CommandLine command, ParseResult parsed) {
        boolean stacktrace = stacktraceWanted(parsed);
        PrintWriter err = command.getErr();
        int code;
        if (e instanceof ConfigException) {
            code = ExitCode.USAGE;
            err.println(oneLine(e.getMessage()));
        } else if (e instanceof CliException cli) {
            code = cli.exitCode();
            err.println(oneLine(e.getMessage()));
        } else {
            code = ExitCode.FAILURE;
            String message = e.getMessage() == null ? e.getClass().getName() : oneLine(e.getMessage());
            err.println(command.getCommandSpec().qualifiedName() + ": " + message
                    + (stacktrace ? "" : " (--stacktrace shows where)"));
        }
        if (stacktrace) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean stacktraceWanted(ParseResult parsed) {
        for (ParseResult result = parsed; result != null; result = result.subcommand()) {
            if (result.hasMatchedOption("--stacktrace")) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the one-line promise even when a driver's message spans lines. */
    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
