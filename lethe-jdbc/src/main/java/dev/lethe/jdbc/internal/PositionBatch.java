package dev.lethe.jdbc.internal;

import java.sql.SQLException;
import java.util.List;

/**
 * How a {@link PositionSweep} deletes and counts one batch: the first {@code limit} matching rows after its cursor,
 * in the order of a position column (the key, or a row id).
 */
interface PositionBatch {

    /**
     * What one batch deleted.
     *
     * @param counts the deleted rows per outcome
     * @param rows   how many rows were deleted
     * @param last   the greatest position deleted, or null when none
     */
    record Deleted(OutcomeCounts counts, long rows, Object last) {
    }

    /**
     * Deletes the first {@code limit} matching rows meeting {@code after} (the cursor's condition on the position, or
     * nothing), inside the caller's transaction.
     *
     * @throws SQLException when any of them cannot be deleted; the caller rolls back
     */
    Deleted delete(JdbcSession session, List<Sql> after, int limit) throws SQLException;

    /** The statements {@link #delete} executes, in order. */
    List<Sql> statements(List<Sql> after, int limit);
}
