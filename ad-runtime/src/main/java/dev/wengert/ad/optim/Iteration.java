package dev.wengert.ad.optim;

import java.util.Arrays;

/**
 * One row of an {@link OptimizationHistory}: the state after iteration {@code index} (index 0 is
 * the starting point) and the evaluation counts used so far, cumulative from the start of the run.
 *
 * <p>Immutable: the point is copied in and copied out.
 *
 * @param index iteration number, 0 for the starting point
 * @param x the iterate
 * @param value f(x)
 * @param gradientNorm norm of the (Riemannian, on a manifold) gradient at x
 * @param stepLength distance from the previous iterate, 0 for index 0
 * @param valueEvaluations calls of {@code value} so far
 * @param gradientEvaluations calls of {@code gradient} so far (a combined gradient-and-HVP call counts here and in HVPs)
 * @param hessianVectorEvaluations Hessian-vector products so far
 * @param hessianEvaluations dense or sparse Hessians so far
 * @param innerIterations iterations of the inner solver so far (CG steps of {@link NewtonCg}), 0 for methods without one
 * @param hessianNanos wall-clock time spent so far in Hessians, Hessian-vector products and sparse Hessian
 *     products, in nanoseconds
 */
public record Iteration(int index, double[] x, double value, double gradientNorm, double stepLength,
                        long valueEvaluations, long gradientEvaluations,
                        long hessianVectorEvaluations, long hessianEvaluations,
                        long innerIterations, long hessianNanos) {

    /**
     * Copies {@code x}, so the record stays immutable.
     *
     * @param index iteration number, 0 for the starting point
     * @param x the iterate
     * @param value f(x)
     * @param gradientNorm norm of the (Riemannian, on a manifold) gradient at x
     * @param stepLength distance from the previous iterate, 0 for index 0
     * @param valueEvaluations calls of {@code value} so far
     * @param gradientEvaluations calls of {@code gradient} so far (a combined gradient-and-HVP call counts here and in HVPs)
     * @param hessianVectorEvaluations Hessian-vector products so far
     * @param hessianEvaluations dense or sparse Hessians so far
     * @param innerIterations iterations of the inner solver so far (CG steps of {@link NewtonCg}), 0 for methods without one
     * @param hessianNanos wall-clock time spent so far in Hessians, Hessian-vector products and sparse Hessian
     *     products, in nanoseconds
     */
    public Iteration {
        x = x.clone();
    }

    /**
     * A copy of the iterate.
     *
     * @return a new array
     */
    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iteration other
                && index == other.index
                && Arrays.equals(x, other.x)
                && Double.compare(value, other.value) == 0
                && Double.compare(gradientNorm, other.gradientNorm) == 0
                && Double.compare(stepLength, other.stepLength) == 0
                && valueEvaluations == other.valueEvaluations
                && gradientEvaluations == other.gradientEvaluations
                && hessianVectorEvaluations == other.hessianVectorEvaluations
                && hessianEvaluations == other.hessianEvaluations
                && innerIterations == other.innerIterations
                && hessianNanos == other.hessianNanos;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(x) + Double.hashCode(value) + index;
    }

    @Override
    public String toString() {
        return String.format("Iteration[%d: f=%.17g |g|=%.3e step=%.3e evals f=%d g=%d Hv=%d H=%d inner=%d H-time=%.3f ms]",
                index, value, gradientNorm, stepLength, valueEvaluations, gradientEvaluations,
                hessianVectorEvaluations, hessianEvaluations, innerIterations, hessianNanos * 1e-6);
    }
}
