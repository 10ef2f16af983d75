package dev.wengert.ad.workloads;

import dev.wengert.ad.Objective;

/**
 * The extended Rosenbrock function of {@link RosenbrockWorkload} (n even; n = 2 is the classic
 * function; minimum 0 at (1, ..., 1)) as an {@link Objective} with the hand-written derivatives.
 *
 * <pre>{@code
 * ExtendedRosenbrock f = new ExtendedRosenbrock(20);
 * OptimizationHistory h = new Lbfgs().minimize(f, f.start());
 * }</pre>
 */
public final class ExtendedRosenbrock implements Objective {

    private final int n;

    /** The function of n variables; n must be even and at least 2. */
    public ExtendedRosenbrock(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new IllegalArgumentException("n must be even and at least 2, got " + n);
        }
        this.n = n;
    }

    /** The standard start (-1.2, 1, -1.2, 1, ...). */
    public double[] start() {
        return RosenbrockWorkload.start(n);
    }

    @Override
    public double value(double[] x) {
        return RosenbrockWorkload.value(x);
    }

    @Override
    public double gradient(double[] x, double[] g) {
        return RosenbrockWorkload.gradient(x, g);
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        RosenbrockWorkload.hessianVector(x, v, hv);
    }

    @Override
    public void hessian(double[] x, double[] h) {
        RosenbrockWorkload.hessian(x, h);
    }
}
