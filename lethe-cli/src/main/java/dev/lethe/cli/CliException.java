package dev.lethe.cli;

/**
 * A problem the CLI reports as one line on stderr and an exit code, without a stack trace (unless
 * {@code --stacktrace}): an unknown policy, a state store that cannot be used.
 */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** A mistake in the config or the command line: exit code {@value ExitCode#USAGE}. */
    static CliException usage(String message) {
        return new CliException(ExitCode.USAGE, message, null);
    }

    int exitCode() {
        return exitCode;
    }
}
