package dev.lethe.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code lethe demo init DIR}: the quickstart's sandbox — a SQLite database of stale and live rows and a
 * config that sweeps it. Hidden from the help: it exists so the quickstart needs nothing but Java (no sqlite3
 * binary). Running it again resets the database and the config; history is kept.
 */
@Command(name = "demo", hidden = true, description = "Create demo data for the quickstart.")
final class DemoCommand {

    @ParentCommand
    LetheCommand root;

    @Command(name = "init", description = "Write DIR/demo.db (pending_uploads, 70%% stale) and DIR/lethe.yaml.")
    int init(@Parameters(paramLabel = "DIR", description = "Directory to create or reset.") Path dir) {
        try {
            Files.createDirectories(dir);
            DemoDatabase.create(dir.resolve(DemoDatabase.FILE));
            Files.writeString(dir.resolve("lethe.yaml"), DemoDatabase.config());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo into " + dir + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the demo database in " + dir + ": " + e.getMessage(), e);
        }
        root.out().println("demo written: " + dir.resolve(DemoDatabase.FILE) + " ("
                + DemoDatabase.describeRows() + ") and " + dir.resolve("lethe.yaml"));
        root.out().flush();
        return ExitCode.OK;
    }
}
