package dev.wengert.ad.optim;

/** Small dense vector kernels shared by the optimisers; package-private on purpose. */
final class Vectors {

    private Vectors() {}

    static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** y += alpha * x. */
    static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += alpha * x[i];
        }
    }

    static void scale(double alpha, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= alpha;
        }
    }

    static double distance(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Throws a clear exception when x0 has the wrong length or holds NaN or an infinity. */
    static void requireStartingPoint(double[] x0) {
        if (x0 == null || x0.length == 0) {
            throw new IllegalArgumentException("starting point must be a non-empty array, got "
                    + (x0 == null ? "null" : "length 0"));
        }
        for (int i = 0; i < x0.length; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("starting point x0[" + i + "] = " + x0[i]
                        + " is not finite; pass a point with finite coordinates");
            }
        }
    }
}
