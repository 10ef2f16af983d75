package dev.wengert.benchmarks;

import dev.wengert.ad.Recording;
import dev.wengert.ad.ScalarFunction;
import dev.wengert.ad.Tape;

/**
 * Recordings for the "reused" benchmarks, made at a point near, but not equal to, the point the
 * benchmark evaluates at. A {@link Recording} may answer at exactly its recording point from what it
 * recorded, without replaying the tape (it did until the tape stopped holding values); a benchmark
 * that recorded and evaluated at the same x would time that shortcut, not the replay an optimiser
 * pays at every new iterate. Evaluating elsewhere keeps the figure honest whatever the tape caches.
 */
public final class Recordings {
    private Recordings() {
    }

    /** Records f at x scaled by (1 + 1e-6), so that every later evaluation at x replays the tape. */
    public static Recording recordNear(ScalarFunction f, double[] x) {
        double[] near = new double[x.length];
        for (int i = 0; i < x.length; i++) near[i] = x[i] * (1 + 1e-6);
        return Tape.record(f, near);
    }
}
