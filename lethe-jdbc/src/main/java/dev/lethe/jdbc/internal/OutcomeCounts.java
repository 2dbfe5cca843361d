package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows per outcome index, turned into the report's labels. Index 0 is a row that matched no outcome: counted in
 * the total, under no label. A plan also counts the rows the predicate does not match, under index -1, which only
 * {@link #unmatched()} reports.
 */
final class OutcomeCounts {

    private final long[] counts;
    private long unmatched;

    OutcomeCounts(int labels) {
        this.counts = new long[labels + 1];
    }

    /** Adds every row of an {@code (outcome, count)} result. */
    OutcomeCounts addAll(ResultSet rows) throws SQLException {
        while (rows.next()) {
            add(rows.getInt(1), rows.getLong(2));
        }
        return this;
    }

    /**
     * Adds the one row of a count by columns: the rows seen, then the count of each outcome index from 0; the rows
     * seen but under no index are the unmatched ones.
     */
    OutcomeCounts addColumns(ResultSet row) throws SQLException {
        row.next();
        long seen = row.getLong(1);
        for (int index = 0; index < counts.length; index++) {
            add(index, row.getLong(2 + index));
        }
        add(-1, seen - total());
        return this;
    }

    /** Adds {@code count} rows of outcome {@code index} (-1: rows the predicate does not match). */
    void add(int index, long count) {
        if (index < 0) {
            unmatched += count;
        } else {
            counts[index] += count;
        }
    }

    /** Rows the predicate matched, under any outcome or none. */
    long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** Rows a plan saw that the predicate does not match. */
    long unmatched() {
        return unmatched;
    }

    /** A batch that processed the counted rows, and nothing else. */
    BatchResult asResult(List<String> labels) {
        return new BatchResult(total(), byLabel(labels), 0, 0, Map.of(), List.of(), List.of());
    }

    /** Counts per label, for labels with at least one row. */
    Map<String, Long> byLabel(List<String> labels) {
        Map<String, Long> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            if (counts[i + 1] > 0) {
                byLabel.put(labels.get(i), counts[i + 1]);
            }
        }
        return byLabel;
    }
}
