package dev.lethe.cli;

import java.nio.file.Path;

/** The YAML the CLI tests run: the pending-uploads policy of DESIGN.md over a store of the test's choosing. */
final class Configs {

    private Configs() {
    }

    /** A SQLite store {@code app} at {@code db} and the pending-uploads policy, allowed to delete 100%. */
    static String sqlite(Path db) {
        return "stores:\n  app: { type: sqlite, path: \"" + db + "\" }\npolicies:\n" + pendingUploads("pending-uploads", "pending_uploads", "1.0");
    }

    /** One pending-uploads policy on store {@code app}. */
    static String pendingUploads(String name, String table, String maxFraction) {
        return """
                  %s:
                    store: app
                    table: %s
                    key: id
                    cutoffs: { ackRetention: 1h }
                    where: "(acked_at < :ackRetention) OR (acked_at IS NULL AND expires_at < :now)"
                    outcomes: { acked: "acked_at IS NOT NULL", expired: "acked_at IS NULL" }
                    action: delete
                    limits: { batchSize: 64, maxFraction: %s }
                """.formatted(name, table, maxFraction);
    }
}
