package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/** Central differences, to check the hand-written test objectives before trusting them. */
final class FiniteDifferences {

    private FiniteDifferences() {}

    static double[] gradient(Objective f, double[] x, double h) {
        double[] g = new double[x.length];
        double[] y = x.clone();
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] + h;
            double up = f.value(y);
            y[i] = x[i] - h;
            double down = f.value(y);
            y[i] = x[i];
            g[i] = (up - down) / (2 * h);
        }
        return g;
    }

    /** H v as the central difference of the gradient along v. */
    static double[] hessianVector(Objective f, double[] x, double[] v, double h) {
        int n = x.length;
        double[] up = new double[n];
        double[] down = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * v[i];
        }
        f.gradient(y, up);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] - h * v[i];
        }
        f.gradient(y, down);
        double[] hv = new double[n];
        for (int i = 0; i < n; i++) {
            hv[i] = (up[i] - down[i]) / (2 * h);
        }
        return hv;
    }

    static double maxAbsDifference(double[] a, double[] b) {
        double m = 0.0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
