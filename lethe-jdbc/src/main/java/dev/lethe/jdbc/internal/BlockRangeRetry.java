package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Retries a failed block range row by row: the keys of the range's matching rows are read in key order, at most
 * {@value #CHUNK_BATCHES} batch sizes of them at a time, and each row is deleted by its key in its own transaction
 * (with the predicate, as every delete). Paging through the range by key keeps memory bounded however many rows
 * the blocks hold, and never reaches rows outside the range, so a row that keeps failing is counted once per run.
 */
final class BlockRangeRetry {

    /** Keys read per round trip, in batch sizes: a range's rows rarely exceed this, so one read is the usual case. */
    static final int CHUNK_BATCHES = 4;

    private final SweepStatements statements;
    private final RowByRowRetry rows;

    BlockRangeRetry(JdbcSession session, SweepStatements statements, RangeAction byKey) {
        this.statements = statements;
        this.rows = new RowByRowRetry(session, statements.policy.names, (s, key) -> byKey.apply(s, KeyRange.single(key)));
    }

    /** Retries the matching rows of {@code blocks}, the condition that selects the failed range. */
    BatchResult retry(Sql blocks, int batchSize) {
        int chunk = (int) Math.min(Integer.MAX_VALUE, (long) CHUNK_BATCHES * batchSize);
        BatchSum sum = new BatchSum();
        Object last = null;
        while (true) {
            List<Object> keys = rows.read(keys(statements, KeyRange.between(last, null), blocks, chunk),
                    "reading the keys of a failed batch");
            sum.add(rows.each(keys));
            if (keys.size() < chunk) {
                return sum.result();
            }
            last = keys.get(keys.size() - 1);
        }
    }

    /** The first {@code limit} keys of matching rows after {@code after} within {@code blocks}, in key order. */
    static Sql keys(SweepStatements statements, KeyRange after, Sql blocks, int limit) {
        List<Sql> conditions = new ArrayList<>(after.conditions(statements.policy.key));
        conditions.add(blocks);
        return statements.ordered(statements.policy.key, conditions, limit);
    }
}
