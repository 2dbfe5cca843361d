package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Retries a failed batch one row at a time, each in its own transaction, so the rows that can be processed are,
 * and each one that cannot is counted as failed with its database message. The keys retried are at most the
 * batch size, read from the same range with the same predicate.
 */
final class RowByRowRetry {

    /** Distinct error messages kept per batch; the engine bounds the run's total as well. */
    private static final int MAX_ERRORS = 10;

    private final JdbcSession session;
    private final SweepStatements statements;
    private final RangeAction action;

    RowByRowRetry(JdbcSession session, SweepStatements statements, RangeAction action) {
        this.session = session;
        this.statements = statements;
        this.action = action;
    }

    /**
     * The merged result of the retried rows.
     *
     * @param result  what was processed and what failed
     * @param keys    how many keys were retried
     * @param lastKey the last key retried, or null when none matched
     */
    record Retried(BatchResult result, int keys, Object lastKey) {
    }

    Retried retry(KeyRange range, int maxItems) {
        PolicyOnStore names = statements.policy.names;
        List<Object> keys;
        try {
            keys = session.read(s -> s.query(statements.keys(range, maxItems), RowByRowRetry::keys));
        } catch (SQLException e) {
            throw names.failed("reading the keys of a failed batch", e);
        }
        long processed = 0;
        long failed = 0;
        long bytes = 0;
        Map<String, Long> outcomes = new LinkedHashMap<>();
        Map<String, Long> cascaded = new LinkedHashMap<>();
        Set<String> errors = new LinkedHashSet<>();
        for (Object key : keys) {
            try {
                BatchResult one = session.write(s -> action.apply(s, KeyRange.single(key)));
                processed += one.processed();
                bytes += one.bytesFreed();
                one.outcomes().forEach((label, n) -> outcomes.merge(label, n, Long::sum));
                one.cascaded().forEach((table, n) -> cascaded.merge(table, n, Long::sum));
            } catch (SQLException e) {
                session.rethrowIfConnectionLost(e, names, "retrying a failed batch row by row");
                failed++;
                if (errors.size() < MAX_ERRORS) {
                    errors.add(PolicyOnStore.firstLine(e));
                }
            }
        }
        BatchResult result = new BatchResult(processed, outcomes, failed, bytes, cascaded, List.of(), List.copyOf(errors));
        return new Retried(result, keys.size(), keys.isEmpty() ? null : keys.get(keys.size() - 1));
    }

    /** Reads a one-column result of keys. */
    static List<Object> keys(ResultSet rows) throws SQLException {
        List<Object> keys = new ArrayList<>();
        while (rows.next()) {
            keys.add(rows.getObject(1));
        }
        return keys;
    }
}
