package dev.lethe.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A config that cannot be used. {@link #getMessage()} is one line, {@code file:line:col: reason}, ready to
 * print as is (the CLI exits with code 2 and prints only this line).
 *
 * <p>Line and column are 1-based and point at the node at fault: the unknown key, the bad value, or the
 * policy that misses a required key. When the problem concerns the whole file (it cannot be read), line and
 * column are 0 and the message is {@code file: reason}.
 */
public class ConfigException extends RuntimeException {

    private final Path file;
    private final int line;
    private final int column;
    private final String reason;

    public ConfigException(Path file, int line, int column, String reason) {
        this(file, line, column, reason, null);
    }

    public ConfigException(Path file, int line, int column, String reason, Throwable cause) {
        super(format(file, line, column, reason), cause);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.column = column;
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    private static String format(Path file, int line, int column, String reason) {
        return line > 0 ? file + ":" + line + ":" + column + ": " + reason : file + ": " + reason;
    }

    /** The config file, as given to the loader. */
    public Path file() {
        return file;
    }

    /** 1-based line of the node at fault; 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** 1-based column of the node at fault; 0 when the problem concerns the whole file. */
    public int column() {
        return column;
    }

    /** The message without its location prefix. */
    public String reason() {
        return reason;
    }
}
