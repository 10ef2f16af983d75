package dev.wengert.ad.optim;

/**
 * When an optimiser stops. Each test is checked after every iteration, and the first one met is
 * reported as the run's {@link StopReason}. A tolerance of zero switches that test off.
 *
 * <ul>
 *   <li>{@code gradientTolerance}: the (Riemannian) gradient norm |g| is at most this;
 *   <li>{@code stepTolerance}: the last step moved x by at most this (Euclidean distance);
 *   <li>{@code functionTolerance}: |f_k - f_{k+1}| is at most {@code functionTolerance * max(1, |f_k|)};
 *   <li>{@code maxIterations}: the iteration limit, always on.
 * </ul>
 *
 * <pre>{@code
 * StoppingCriteria stop = StoppingCriteria.gradientBelow(1e-10).withMaxIterations(500);
 * }</pre>
 *
 * @param gradientTolerance stop when |g| &lt;= this (0 disables)
 * @param stepTolerance stop when |x_{k+1} - x_k| &lt;= this (0 disables)
 * @param functionTolerance stop on a relative function change at most this (0 disables)
 * @param maxIterations iteration limit, at least 1
 */
public record StoppingCriteria(double gradientTolerance, double stepTolerance,
                               double functionTolerance, int maxIterations) {

    /**
     * Validates the tolerances: each finite and non-negative, and at least one iteration.
     *
     * @param gradientTolerance stop when |g| &lt;= this (0 disables)
     * @param stepTolerance stop when the step is at most this (0 disables)
     * @param functionTolerance stop on a relative function change at most this (0 disables)
     * @param maxIterations iteration limit, at least 1
     */
    public StoppingCriteria {
        requireTolerance("gradientTolerance", gradientTolerance);
        requireTolerance("stepTolerance", stepTolerance);
        requireTolerance("functionTolerance", functionTolerance);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
    }

    /**
     * |g| &lt;= 1e-8 within 1000 iterations; step and function tests off.
     *
     * @return the default criteria
     */
    public static StoppingCriteria defaults() {
        return new StoppingCriteria(1e-8, 0.0, 0.0, 1000);
    }

    /**
     * The defaults with the given gradient tolerance.
     *
     * @param tolerance the gradient tolerance
     * @return the criteria
     */
    public static StoppingCriteria gradientBelow(double tolerance) {
        return defaults().withGradientTolerance(tolerance);
    }

    /**
     * A copy with another gradient tolerance.
     *
     * @param tolerance stop when |g| &lt;= this (0 disables)
     * @return the new criteria
     */
    public StoppingCriteria withGradientTolerance(double tolerance) {
        return new StoppingCriteria(tolerance, stepTolerance, functionTolerance, maxIterations);
    }

    /**
     * A copy with another step tolerance.
     *
     * @param tolerance stop when the step is at most this (0 disables)
     * @return the new criteria
     */
    public StoppingCriteria withStepTolerance(double tolerance) {
        return new StoppingCriteria(gradientTolerance, tolerance, functionTolerance, maxIterations);
    }

    /**
     * A copy with another function tolerance.
     *
     * @param tolerance stop on a relative function change at most this (0 disables)
     * @return the new criteria
     */
    public StoppingCriteria withFunctionTolerance(double tolerance) {
        return new StoppingCriteria(gradientTolerance, stepTolerance, tolerance, maxIterations);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param iterations the limit, at least 1
     * @return the new criteria
     */
    public StoppingCriteria withMaxIterations(int iterations) {
        return new StoppingCriteria(gradientTolerance, stepTolerance, functionTolerance, iterations);
    }

    private static void requireTolerance(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 (0 disables it), got " + value);
        }
    }
}
