package dev.lethe.server.process;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The runs of one policy as the state store recorded them, read straight from {@code lethe_runs}. */
final class RunIntervals {

    /** One run: who ran it and when; {@code end} is null for a run that never finished (its process died). */
    record Run(long id, String instance, String status, Instant start, Instant end) {
    }

    private RunIntervals() {
    }

    static List<Run> read(String stateUrl, String policy) {
        List<Run> runs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(stateUrl); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, instance, status, started_at, finished_at FROM lethe_runs"
                     + " WHERE policy = '" + policy + "' ORDER BY started_at")) {
            while (rows.next()) {
                long finished = rows.getLong("finished_at");
                runs.add(new Run(rows.getLong("id"), rows.getString("instance"), rows.getString("status"),
                        Instant.ofEpochMilli(rows.getLong("started_at")), rows.wasNull() ? null : Instant.ofEpochMilli(finished)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return runs;
    }
}
