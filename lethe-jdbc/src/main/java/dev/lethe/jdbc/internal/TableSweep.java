package dev.lethe.jdbc.internal;

import dev.lethe.core.store.Sweep;
import java.util.List;

/**
 * A sweep over one SQL table, whichever way it cuts its batches ({@link SweepChoice}).
 */
interface TableSweep extends Sweep {

    /**
     * Every statement the sweep may execute, its cursor's values bound to {@code NULL}, for {@link PolicyCheck} to
     * let the database check before anything is changed.
     */
    List<Sql> everyStatement();
}
