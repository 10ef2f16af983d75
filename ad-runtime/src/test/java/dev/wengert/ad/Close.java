package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.fail;

/** Tolerance assertions shared by the runtime tests: relative error with a stated absolute floor. */
final class Close {
    private Close() {
    }

    /** |actual - expected| <= rtol |expected| + atol. */
    static void assertClose(double expected, double actual, double rtol, double atol, String what) {
        if (!(Math.abs(actual - expected) <= rtol * Math.abs(expected) + atol)) {
            fail(what + ": expected " + expected + " but was " + actual + " (rtol " + rtol + ", atol " + atol + ")");
        }
    }

    /** Entry-wise {@link #assertClose(double, double, double, double, String)}. */
    static void assertClose(double[] expected, double[] actual, double rtol, double atol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": expected length " + expected.length + " but was " + actual.length);
        }
        for (int i = 0; i < expected.length; i++) {
            assertClose(expected[i], actual[i], rtol, atol, what + "[" + i + "]");
        }
    }

    /** Entry-wise, relative to the largest magnitude in {@code expected} (for sums that cancel). */
    static void assertCloseToScale(double[] expected, double[] actual, double rtol, String what) {
        double scale = 0;
        for (double e : expected) scale = Math.max(scale, Math.abs(e));
        assertClose(expected, actual, 0, rtol * Math.max(scale, Double.MIN_NORMAL), what);
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    /** Row-major n x n matrix times vector. */
    static double[] times(double[] h, double[] v) {
        int n = v.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += h[i * n + j] * v[j];
            out[i] = s;
        }
        return out;
    }
}
