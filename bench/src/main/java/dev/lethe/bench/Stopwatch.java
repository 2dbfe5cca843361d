package dev.lethe.bench;

/** Elapsed time from {@link System#nanoTime()}, the one clock every timing in the harness uses. */
final class Stopwatch {

    private Stopwatch() {
    }

    static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000.0;
    }
}
