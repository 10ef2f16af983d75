package dev.wengert.samples;

import java.io.PrintWriter;

/**
 * A one-line progress report, redrawn in place, for runs that take more than a second; quick runs
 * print nothing.
 */
final class Progress {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long start = System.nanoTime();
    private long lastDrawn;
    private boolean drawn;

    Progress(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    void update(int iteration, double value, double gradientNorm) {
        show(String.format("iteration %7d  f = %.12f  |g| = %.2e", iteration, value, gradientNorm));
    }

    /** Redraws the line with a free-form status, at most five times a second and only after the first second. */
    void show(String status) {
        long now = System.nanoTime();
        if (now - start < QUIET_NANOS || now - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = now;
        drawn = true;
        err.printf("\r%-18s %s  %5.1fs ", label, status, (now - start) * 1e-9);
        err.flush();
    }

    /** Ends the progress line, if one was drawn. */
    void done() {
        if (drawn) {
            err.println();
            err.flush();
        }
    }
}
