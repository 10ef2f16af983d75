package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * Extended Rosenbrock (Moré, Garbow and Hillstrom, problem 21), n even:
 * f = sum over pairs k of 100 (x[2k+1] - x[2k]^2)^2 + (1 - x[2k])^2. n = 2 is the classic function.
 * Minimum 0 at (1, ..., 1). Hand-written derivatives for the tests.
 */
final class ExtendedRosenbrock implements Objective {

    private final int n;

    ExtendedRosenbrock(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("n must be even and at least 2, got " + n);
        }
        this.n = n;
    }

    /** The standard start (-1.2, 1, -1.2, 1, ...). */
    double[] start() {
        double[] x = new double[n];
        for (int i = 0; i < n; i += 2) {
            x[i] = -1.2;
            x[i + 1] = 1.0;
        }
        return x;
    }

    @Override
    public double value(double[] x) {
        double s = 0.0;
        for (int i = 0; i < n; i += 2) {
            double t = x[i + 1] - x[i] * x[i];
            double u = 1.0 - x[i];
            s += 100.0 * t * t + u * u;
        }
        return s;
    }

    @Override
    public double gradient(double[] x, double[] g) {
        for (int i = 0; i < n; i += 2) {
            double t = x[i + 1] - x[i] * x[i];
            g[i] = -400.0 * x[i] * t - 2.0 * (1.0 - x[i]);
            g[i + 1] = 200.0 * t;
        }
        return value(x);
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        for (int i = 0; i < n; i += 2) {
            double h00 = 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
            double h01 = -400.0 * x[i];
            hv[i] = h00 * v[i] + h01 * v[i + 1];
            hv[i + 1] = h01 * v[i] + 200.0 * v[i + 1];
        }
    }

    @Override
    public void hessian(double[] x, double[] h) {
        java.util.Arrays.fill(h, 0.0);
        for (int i = 0; i < n; i += 2) {
            double h01 = -400.0 * x[i];
            h[i * n + i] = 1200.0 * x[i] * x[i] - 400.0 * x[i + 1] + 2.0;
            h[i * n + i + 1] = h01;
            h[(i + 1) * n + i] = h01;
            h[(i + 1) * n + i + 1] = 200.0;
        }
    }
}
