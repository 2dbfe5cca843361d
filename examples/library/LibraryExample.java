import dev.lethe.core.engine.Engine;
import dev.lethe.core.engine.RunMode;
import dev.lethe.core.engine.StoreRegistry;
import dev.lethe.core.policy.Action;
import dev.lethe.core.policy.Limits;
import dev.lethe.core.policy.Policy;
import dev.lethe.core.policy.TableSelection;
import dev.lethe.core.report.ReportJson;
import dev.lethe.core.report.RunReport;
import dev.lethe.core.report.RunStatus;
import dev.lethe.core.store.StoreSpec;
import dev.lethe.jdbc.state.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lethe as a library, without YAML: the pending-uploads policy on a SQLite database it creates.
 *
 * <pre>
 * java -cp lethe-cli/target/lethe.jar examples/library/LibraryExample.java [DIR]
 * </pre>
 */
public class LibraryExample {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "library-example");
        Files.createDirectories(dir);
        Path db = dir.resolve("app.db");
        createPendingUploads(db);

        // 1. The policy: which rows, what to do with them, how carefully.
        Policy policy = Policy.builder("pending-uploads")
                .store("app")
                .selection(TableSelection.builder("pending_uploads", "id")
                        .cutoff("ackRetention", Duration.ofHours(1))
                        .where("(acked_at < :ackRetention) OR (acked_at IS NULL AND expires_at < :now)")
                        .outcome("acked", "acked_at IS NOT NULL")
                        .outcome("expired", "acked_at IS NULL")
                        .build())
                .action(Action.delete())
                .limits(Limits.defaults().withBatchSize(500).withMaxFraction(1.0))
                .build();

        // 2. The stores it may touch (the JDBC module is found on the class path) and where runs are recorded.
        StoreRegistry stores = new StoreRegistry()
                .add(new StoreSpec("app", "sqlite", Map.of("path", db.toString())));

        try (Engine engine = Engine.builder()
                .stores(stores)
                .history(StateStores.open("jdbc:sqlite:" + dir.resolve("lethe-state.db")))
                .build()) {
            // 3. Plan (changes nothing), then run. A run never throws for its policy's problems: read the status.
            RunReport plan = engine.run(policy, RunMode.DRY_RUN);
            System.out.println("plan: " + plan.matched() + " of " + plan.plan().total() + " rows would go "
                    + new TreeMap<>(plan.outcomes()));

            RunReport run = engine.run(policy, RunMode.EXECUTE);
            System.out.println("run:  " + run.status().label() + ", deleted " + run.deleted() + " "
                    + new TreeMap<>(run.outcomes()) + " in " + run.durationMs() + " ms");
            System.out.println(ReportJson.write(run));
            if (run.status() != RunStatus.OK) {
                throw new IllegalStateException("run " + run.status().label() + ": " + run.warnings());
            }
        }
    }

    /** 1,000 upload rows, 70% of them stale: times are UTC text, as SQLite's datetime('now') writes them. */
    private static void createPendingUploads(Path db) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS pending_uploads");
            statement.execute("CREATE TABLE pending_uploads (id INTEGER PRIMARY KEY, acked_at TEXT, expires_at TEXT NOT NULL)");
            statement.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
                    + " INSERT INTO pending_uploads SELECT i,"
                    + " CASE WHEN i % 10 < 4 THEN datetime('now', '-3 hours') WHEN i % 10 = 4 THEN datetime('now') END,"
                    + " CASE WHEN i % 10 BETWEEN 5 AND 7 THEN datetime('now', '-1 hours') ELSE datetime('now', '+1 hours') END"
                    + " FROM n");
        }
    }
}
