package dev.lethe.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows per outcome index as a count query returns them ({@code outcome, count[, bytes]}), turned into the
 * report's labels. Index 0 is a row that matched no outcome: counted in the total, under no label.
 */
final class OutcomeCounts {

    private final long[] counts;
    private long bytes;

    OutcomeCounts(int labels) {
        this.counts = new long[labels + 1];
    }

    /** Adds every row of a {@code (outcome, count[, bytes])} result. */
    OutcomeCounts addAll(ResultSet rows, boolean withBytes) throws SQLException {
        while (rows.next()) {
            counts[rows.getInt(1)] += rows.getLong(2);
            if (withBytes) {
                bytes += rows.getLong(3);
            }
        }
        return this;
    }

    long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    long bytes() {
        return bytes;
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
