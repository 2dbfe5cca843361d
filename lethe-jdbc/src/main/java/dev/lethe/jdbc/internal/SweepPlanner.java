package dev.lethe.jdbc.internal;

import dev.lethe.core.policy.Action;
import dev.lethe.core.store.BatchResult;
import dev.lethe.core.store.SweepPlan;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Measures what a sweep would do, changing nothing: one scan that counts the matched rows per outcome and the rows
 * the predicate leaves, so the table's total needs no second scan ({@link SweepStatements#classify}); the first keys
 * in key order (skipped when nothing matches, since finding none would walk the whole key index); and the bytes.
 *
 * <p>Bytes are estimated, not measured: the table's size (where the dialect can read it) per row, times the rows.
 * Measuring each row ({@code pg_column_size(t.*)}) costs more than deleting it. A batch's bytes freed use the same
 * per-row figure, taken when the plan was.
 */
final class SweepPlanner {

    /**
     * What the plan's scan found.
     *
     * @param counts      matched rows per outcome
     * @param total       rows in the table
     * @param bytesPerRow the table's bytes per row, when the dialect can tell
     */
    record Measurement(OutcomeCounts counts, long total, OptionalDouble bytesPerRow) {
        long matched() {
            return counts.total();
        }
    }

    private final SweepStatements statements;
    private final CompiledPolicy policy;
    private Measurement last;
    private OptionalDouble estimatedBytesPerRow = OptionalDouble.empty();

    SweepPlanner(SweepStatements statements) {
        this.statements = statements;
        this.policy = statements.policy;
    }

    /** What one batch executes, once the table is measured: the plan shows it. */
    @FunctionalInterface
    interface BatchShown {
        List<Sql> statements(JdbcSession session, Measurement measured) throws SQLException;
    }

    /**
     * Measures and plans in a read transaction of its own.
     *
     * @throws dev.lethe.core.store.StoreException when the database fails
     */
    SweepPlan plan(JdbcSession session, int sampleSize, BatchShown batch) {
        try {
            return session.read(s -> {
                Measurement measured = measure(s);
                return plan(s, measured, sampleSize, batch.statements(s, measured));
            });
        } catch (SQLException e) {
            throw policy.names.failed("planning", e);
        }
    }

    /** Counts the table in the caller's transaction. */
    Measurement measure(JdbcSession session) throws SQLException {
        OutcomeCounts empty = new OutcomeCounts(policy.labels.size());
        OutcomeCounts counts = session.query(statements.classify(),
                statements.dialect.groupsCheaply() ? empty::addAll : empty::addColumns);
        long total = counts.total() + counts.unmatched();
        OptionalLong tableBytes = session.withConnection(c -> statements.dialect.tableBytes(c, policy.tableName));
        OptionalDouble perRow = tableBytes.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(total == 0 ? 0 : (double) tableBytes.getAsLong() / total);
        last = new Measurement(counts, total, perRow);
        return last;
    }

    /** The plan of {@code measured}, showing {@code batch} as what one batch executes. */
    private SweepPlan plan(JdbcSession session, Measurement measured, int sampleSize, List<Sql> batch)
            throws SQLException {
        List<String> sample = sampleSize == 0 || measured.matched() == 0 ? List.of()
                : session.query(statements.keys(KeyRange.between(null, null), sampleSize), RowByRowRetry::ids)
                        .stream().map(String::valueOf).toList();
        OptionalLong bytes = measured.bytesPerRow().isPresent()
                ? OptionalLong.of(Math.round(measured.matched() * measured.bytesPerRow().getAsDouble()))
                : OptionalLong.empty();
        return new SweepPlan(measured.matched(), measured.total(), measured.counts().byLabel(policy.labels), sample,
                bytes, batch.stream().map(Sql::text).toList());
    }

    /**
     * The table's rows by the catalog's statistics, reading none of them, for a run that skipped its plan; empty
     * when the database keeps no statistics for the table. Also takes the bytes per row freed rows are
     * reported with.
     */
    OptionalLong estimateRows(JdbcSession session) throws SQLException {
        OptionalLong rows = session.withConnection(c -> statements.dialect.estimatedRows(c, policy.tableName));
        if (rows.isPresent() && rows.getAsLong() > 0) {
            OptionalLong tableBytes = session.withConnection(c -> statements.dialect.tableBytes(c, policy.tableName));
            if (tableBytes.isPresent()) {
                estimatedBytesPerRow = OptionalDouble.of((double) tableBytes.getAsLong() / rows.getAsLong());
            }
            return rows;
        }
        return OptionalLong.empty();
    }

    /** {@code result} with the bytes its deleted rows are estimated to free (deletes only; 0 when unknown). */
    BatchResult withBytesFreed(BatchResult result) {
        OptionalDouble perRow = last != null ? last.bytesPerRow() : estimatedBytesPerRow;
        if (!(policy.action instanceof Action.Delete) || perRow.isEmpty()) {
            return result;
        }
        long bytes = Math.round(result.processed() * perRow.getAsDouble());
        return new BatchResult(result.processed(), result.outcomes(), result.failed(), bytes, result.cascaded(),
                result.dataLoss(), result.errors());
    }
}
