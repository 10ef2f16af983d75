package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * An {@link Objective} that forwards to another and counts the calls of each kind, so that a
 * history can report what a run cost. Not thread-safe: one instance per run.
 *
 * <pre>{@code
 * CountingObjective counted = new CountingObjective(f);
 * counted.gradient(x, g);
 * long calls = counted.gradientEvaluations();   // 1
 * }</pre>
 */
public final class CountingObjective implements Objective {

    private final Objective delegate;
    private long values;
    private long gradients;
    private long hessianVectors;
    private long hessians;

    /**
     * Counts the calls made to {@code delegate}.
     *
     * @param delegate the objective to count
     */
    public CountingObjective(Objective delegate) {
        if (delegate == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        this.delegate = delegate;
    }

    @Override
    public double value(double[] x) {
        values++;
        return delegate.value(x);
    }

    @Override
    public double gradient(double[] x, double[] g) {
        gradients++;
        return delegate.gradient(x, g);
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        hessianVectors++;
        delegate.hessianVector(x, v, hv);
    }

    @Override
    public double gradientAndHessianVector(double[] x, double[] v, double[] g, double[] hv) {
        gradients++;
        hessianVectors++;
        return delegate.gradientAndHessianVector(x, v, g, hv);
    }

    @Override
    public void hessian(double[] x, double[] h) {
        hessians++;
        delegate.hessian(x, h);
    }

    /**
     * The delegate's pattern (not counted: it is worked out once).
     *
     * @return the delegate's Hessian pattern
     */
    @Override
    public dev.wengert.ad.SparsityPattern hessianPattern() {
        return delegate.hessianPattern();
    }

    /**
     * The delegate's pattern for inputs of length n (not counted).
     *
     * @param n the length of x
     * @return the delegate's Hessian pattern for that length
     */
    @Override
    public dev.wengert.ad.SparsityPattern hessianPattern(int n) {
        return delegate.hessianPattern(n);
    }

    /**
     * The delegate's sparse Hessian, counted as a Hessian evaluation.
     *
     * @param x the point
     * @param values receives the non-zeros in the pattern's order
     */
    @Override
    public void sparseHessian(double[] x, double[] values) {
        hessians++;
        delegate.sparseHessian(x, values);
    }

    /**
     * Calls of {@code value} so far.
     *
     * @return the count
     */
    public long valueEvaluations() {
        return values;
    }

    /**
     * Calls of {@code gradient} so far, a combined gradient-and-HVP call included.
     *
     * @return the count
     */
    public long gradientEvaluations() {
        return gradients;
    }

    /**
     * Hessian-vector products so far, a combined gradient-and-HVP call included.
     *
     * @return the count
     */
    public long hessianVectorEvaluations() {
        return hessianVectors;
    }

    /**
     * Dense Hessians so far.
     *
     * @return the count
     */
    public long hessianEvaluations() {
        return hessians;
    }
}
