package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/** f(x) = 1/2 x^T A x + b^T x with A symmetric, written out by hand for the tests. */
final class Quadratic implements Objective {

    private final int n;
    private final double[] a;
    private final double[] b;

    Quadratic(double[] a, double[] b) {
        this.n = b.length;
        this.a = a.clone();
        this.b = b.clone();
    }

    /** The seed article's quadratic: A = [[5, 1], [1, 3]], b = [-4, 2]. */
    static Quadratic seed() {
        return new Quadratic(new double[] {5, 1, 1, 3}, new double[] {-4, 2});
    }

    @Override
    public double value(double[] x) {
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double ax = 0.0;
            for (int j = 0; j < n; j++) {
                ax += a[i * n + j] * x[j];
            }
            s += 0.5 * x[i] * ax + b[i] * x[i];
        }
        return s;
    }

    @Override
    public double gradient(double[] x, double[] g) {
        for (int i = 0; i < n; i++) {
            double ax = 0.0;
            for (int j = 0; j < n; j++) {
                ax += a[i * n + j] * x[j];
            }
            g[i] = ax + b[i];
        }
        return value(x);
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int j = 0; j < n; j++) {
                s += a[i * n + j] * v[j];
            }
            hv[i] = s;
        }
    }

    @Override
    public void hessian(double[] x, double[] h) {
        System.arraycopy(a, 0, h, 0, a.length);
    }
}
