package dev.wengert.ad.workloads;

import dev.wengert.ad.Objective;

/**
 * The Thomson energy of {@link ThomsonWorkload} as an {@link Objective} with the hand-written
 * derivatives: what the optimiser tests minimise and compare the tape against.
 *
 * <pre>{@code
 * OptimizationHistory h = new Lbfgs().onManifold(ProductOfSpheres.of(12, 3))
 *         .minimize(new ThomsonEnergy(12), ThomsonWorkload.randomStart(12, 1));
 * }</pre>
 */
public final class ThomsonEnergy implements Objective {

    private final int points;

    /** The energy of {@code points} points, a function of {@code 3 * points} coordinates. */
    public ThomsonEnergy(int points) {
        this.points = points;
    }

    @Override
    public double value(double[] x) {
        return ThomsonWorkload.value(checked(x));
    }

    @Override
    public double gradient(double[] x, double[] g) {
        return ThomsonWorkload.gradient(checked(x), g);
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        ThomsonWorkload.hessianVector(checked(x), v, hv);
    }

    @Override
    public void hessian(double[] x, double[] h) {
        ThomsonWorkload.hessian(checked(x), h);
    }

    private double[] checked(double[] x) {
        if (x.length != 3 * points) {
            throw new IllegalArgumentException("x has length " + x.length + ", expected 3 * " + points
                    + " = " + 3 * points + " (point k at x[3k..3k+2]): pass the coordinates of all " + points + " points");
        }
        return x;
    }
}
