package dev.lethe.cli;

import dev.lethe.core.engine.RunListener;
import dev.lethe.core.report.RunReport;
import java.io.PrintWriter;

/**
 * One line on a terminal's stderr, redrawn in place ({@code \r}) while a run goes on and erased when it ends,
 * so the final report is not interleaved with progress. Redraws at most every {@value #REDRAW_MILLIS} ms: a
 * run of many small batches must not spend its time writing to the terminal.
 */
final class ProgressLine implements RunListener {

    private static final long REDRAW_MILLIS = 200;

    private final PrintWriter err;
    private long lastDrawn;
    private int width;

    ProgressLine(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void planned(String policy, long matched) {
        draw(policy + ": " + (matched == UNCOUNTED ? "started (not counted: no guard needs a count)"
                : Units.count(matched) + " items to process"), true);
    }

    @Override
    public void progressed(String policy, long processed, long failed, long matched) {
        if (matched == UNCOUNTED) {
            draw(policy + ": " + Units.count(processed) + " processed"
                    + (failed > 0 ? ", " + Units.count(failed) + " failed" : ""), false);
            return;
        }
        double fraction = matched == 0 ? 1.0 : Math.min(1.0, (double) (processed + failed) / matched);
        String text = policy + ": " + Units.count(processed) + " of " + Units.count(matched) + " ("
                + Units.percent(fraction) + ")" + (failed > 0 ? ", " + Units.count(failed) + " failed" : "");
        draw(text, false);
    }

    @Override
    public void finished(RunReport report) {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }

    private void draw(String text, boolean always) {
        long now = System.nanoTime() / 1_000_000;
        if (!always && now - lastDrawn < REDRAW_MILLIS) {
            return;
        }
        lastDrawn = now;
        err.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
        err.flush();
        width = Math.max(width, text.length());
    }
}
