package dev.lethe.jdbc.state;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The state store contract on a real SQLite file, in a directory that does not exist yet. */
class SqliteRunHistoryTest extends RunHistoryContract {

    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("state/lethe-state.db");
    }
}
