package dev.lethe.core.engine;

/** Whether a run changes anything. */
public enum RunMode {
    /** Plan, check the guards, then process batches. */
    EXECUTE,
    /** Plan and check the guards only; the store is not changed ({@code lethe plan}, {@code run --dry-run}). */
    DRY_RUN
}
