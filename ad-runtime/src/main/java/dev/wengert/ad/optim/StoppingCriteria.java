package dev.wengert.ad.optim;

/**
 * When an optimiser stops. Each test is checked after every iteration, and the first one met is
 * reported as the run's {@link StopReason}. A tolerance of zero switches that test off.
 *
 * <ul>
 *   <li>{@code gradientTolerance}: the (Riemannian) gradient norm |g| is at most this;
 *   <li>{@code stepTolerance}: the last step moved x by at most this (Euclidean distance);
 *   <li>{@code functionTolerance}: |f_k - f_{k+1}| is at most {@code functionTolerance * max(1, |f_k|)};
 *   <li>{@code relativeNoise} and {@code noiseIterations}: f is converged to its own noise when, for
 *       {@code noiseIterations} iterations in a row, |f_k - f_{k+1}| &lt;= relativeNoise |f_k|, the step is
 *       at most {@link #UNRESOLVED_STEP} max(1, |x_k|) (what float64 barely resolves) and |g| set no
 *       new record low. Relative, so that a zero-residual problem still converges all the way to f = 0;
 *   <li>unbounded below: f = -infinity, or f_k &lt; f_0 - {@link #UNBOUNDED_DROP} max(1, |f_0|), always on;
 *   <li>{@code maxIterations}: the iteration limit, always on.
 * </ul>
 *
 * <pre>{@code
 * StoppingCriteria stop = StoppingCriteria.gradientBelow(1e-10).withMaxIterations(500);
 * StoppingCriteria noisy = StoppingCriteria.defaults().withNoise(1e-8, 3);   // f from a simulation
 * }</pre>
 *
 * @param gradientTolerance stop when |g| &lt;= this (0 disables)
 * @param stepTolerance stop when |x_{k+1} - x_k| &lt;= this (0 disables)
 * @param functionTolerance stop on a relative function change at most this (0 disables)
 * @param maxIterations iteration limit, at least 1
 * @param relativeNoise relative accuracy of f, in [0, 1e-3); 0 disables the noise test
 * @param noiseIterations consecutive quiet iterations that stop the run, 0 disables the noise test
 */
public record StoppingCriteria(double gradientTolerance, double stepTolerance,
                               double functionTolerance, int maxIterations,
                               double relativeNoise, int noiseIterations) {

    /**
     * How far below its starting value f may fall, in units of max(1, |f(x0)|), before the run is
     * declared unbounded below: no test problem with a minimiser comes near it, and an f going to
     * minus infinity passes it within a few doublings of the line search's step.
     */
    public static final double UNBOUNDED_DROP = 1e20;

    /**
     * The default relative noise of f: about 5,000 ulps. A sum of n terms carries rounding of order
     * n eps times the largest term, and least-squares residuals lose digits to cancellation (Meyer's
     * fit, with data of order 3e4 and residuals of order 1, has noise near 6e-12 relative), so f is
     * rarely known better than this.
     */
    public static final double DEFAULT_RELATIVE_NOISE = 1e-12;

    /**
     * A step of at most this times max(1, |x|) counts as unresolved for the noise test: a thousand
     * ulps of |x|, a few ulps of its largest coordinates.
     */
    public static final double UNRESOLVED_STEP = 1e3 * Math.ulp(1.0);

    /**
     * Validates the tolerances: each finite and non-negative, and at least one iteration.
     *
     * @param gradientTolerance stop when |g| &lt;= this (0 disables)
     * @param stepTolerance stop when the step is at most this (0 disables)
     * @param functionTolerance stop on a relative function change at most this (0 disables)
     * @param maxIterations iteration limit, at least 1
     * @param relativeNoise relative accuracy of f, in [0, 1e-3); 0 disables the noise test
     * @param noiseIterations consecutive quiet iterations that stop the run, 0 disables the noise test
     */
    public StoppingCriteria {
        requireTolerance("gradientTolerance", gradientTolerance);
        requireTolerance("stepTolerance", stepTolerance);
        requireTolerance("functionTolerance", functionTolerance);
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        if (!(relativeNoise >= 0.0 && relativeNoise < 1e-3)) {
            throw new IllegalArgumentException("relativeNoise must be in [0, 1e-3) (0 disables the noise test), got "
                    + relativeNoise);
        }
        if (noiseIterations < 0) {
            throw new IllegalArgumentException("noiseIterations must be >= 0 (0 disables the noise test), got "
                    + noiseIterations);
        }
    }

    /**
     * The criteria with the default noise test (relative noise 1e-12, ten quiet iterations).
     *
     * @param gradientTolerance stop when |g| is at most this
     * @param stepTolerance stop when the step is at most this (0: off)
     * @param functionTolerance stop when f changes by at most this (0: off)
     * @param maxIterations the iteration limit
     */
    public StoppingCriteria(double gradientTolerance, double stepTolerance, double functionTolerance,
                            int maxIterations) {
        this(gradientTolerance, stepTolerance, functionTolerance, maxIterations, DEFAULT_RELATIVE_NOISE, 10);
    }

    /**
     * |g| &lt;= 1e-8 within 1000 iterations; step and function tests off; noise test 1e-12 over 10 iterations.
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
        return new StoppingCriteria(tolerance, stepTolerance, functionTolerance, maxIterations, relativeNoise,
                noiseIterations);
    }

    /**
     * A copy with another step tolerance.
     *
     * @param tolerance stop when the step is at most this (0 disables)
     * @return the new criteria
     */
    public StoppingCriteria withStepTolerance(double tolerance) {
        return new StoppingCriteria(gradientTolerance, tolerance, functionTolerance, maxIterations, relativeNoise,
                noiseIterations);
    }

    /**
     * A copy with another function tolerance.
     *
     * @param tolerance stop on a relative function change at most this (0 disables)
     * @return the new criteria
     */
    public StoppingCriteria withFunctionTolerance(double tolerance) {
        return new StoppingCriteria(gradientTolerance, stepTolerance, tolerance, maxIterations, relativeNoise,
                noiseIterations);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param iterations the limit, at least 1
     * @return the new criteria
     */
    public StoppingCriteria withMaxIterations(int iterations) {
        return new StoppingCriteria(gradientTolerance, stepTolerance, functionTolerance, iterations, relativeNoise,
                noiseIterations);
    }

    /**
     * Sets the relative accuracy of f and how many quiet iterations in a row mean "converged to the
     * noise"; {@code withNoise(0, 0)} switches the test off (the run then goes on to the gradient tolerance
     * or the iteration limit).
     *
     * @param relative the relative accuracy of f
     * @param iterations how many quiet iterations in a row stop the run
     * @return these criteria with that noise test
     */
    public StoppingCriteria withNoise(double relative, int iterations) {
        return new StoppingCriteria(gradientTolerance, stepTolerance, functionTolerance, maxIterations, relative,
                iterations);
    }

    /**
     * True when the noise test is on.
     *
     * @return whether the noise test is on
     */
    public boolean detectsNoise() {
        return relativeNoise > 0.0 && noiseIterations > 0;
    }

    private static void requireTolerance(String name, double value) {
        if (!(value >= 0.0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0 (0 disables it), got " + value);
        }
    }
}
