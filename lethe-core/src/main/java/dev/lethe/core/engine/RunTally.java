package dev.lethe.core.engine;

import dev.lethe.core.report.DataLossEvent;
import dev.lethe.core.store.BatchResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Running totals of one run. Bounded: counters, one entry per outcome label and dependent table, and at
 * most {@value #MAX_ERRORS} distinct error messages. Data-loss events are kept whole because each one must
 * be reported.
 */
final class RunTally {

    private static final int MAX_ERRORS = 20;

    long processed;
    long failed;
    long bytesFreed;
    final Map<String, Long> outcomes = new TreeMap<>();
    final Map<String, Long> cascaded = new TreeMap<>();
    final List<DataLossEvent> dataLoss = new ArrayList<>();
    final Set<String> errors = new LinkedHashSet<>();

    void add(BatchResult batch) {
        processed += batch.processed();
        failed += batch.failed();
        bytesFreed += batch.bytesFreed();
        batch.outcomes().forEach((label, n) -> outcomes.merge(label, n, Long::sum));
        batch.cascaded().forEach((table, n) -> cascaded.merge(table, n, Long::sum));
        dataLoss.addAll(batch.dataLoss());
        for (String error : batch.errors()) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(error);
            }
        }
    }
}
