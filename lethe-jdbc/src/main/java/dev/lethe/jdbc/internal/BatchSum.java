package dev.lethe.jdbc.internal;

import dev.lethe.core.store.BatchResult;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds up the results of the transactions one batch was split into (a retry row by row), keeping a bounded number of
 * distinct error messages.
 */
final class BatchSum {

    /** Distinct error messages kept per batch; the engine bounds the run's total as well. */
    private static final int MAX_ERRORS = 10;

    private long processed;
    private long failed;
    private long bytes;
    private final Map<String, Long> outcomes = new LinkedHashMap<>();
    private final Map<String, Long> cascaded = new LinkedHashMap<>();
    private final Set<String> errors = new LinkedHashSet<>();

    void add(BatchResult result) {
        processed += result.processed();
        failed += result.failed();
        bytes += result.bytesFreed();
        result.outcomes().forEach((label, n) -> outcomes.merge(label, n, Long::sum));
        result.cascaded().forEach((table, n) -> cascaded.merge(table, n, Long::sum));
        result.errors().forEach(this::error);
    }

    /** One item could not be processed, for the reason {@code message}. */
    void failed(String message) {
        failed++;
        error(message);
    }

    private void error(String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(message);
        }
    }

    BatchResult result() {
        return new BatchResult(processed, outcomes, failed, bytes, cascaded, List.of(), List.copyOf(errors));
    }
}
