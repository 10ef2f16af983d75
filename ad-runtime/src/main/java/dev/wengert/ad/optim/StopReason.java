package dev.wengert.ad.optim;

/** Why an optimiser stopped; see {@link StoppingCriteria}. */
public enum StopReason {
    /** The gradient norm reached the tolerance: the run converged. */
    GRADIENT_TOLERANCE,
    /**
     * The run converged as far as f can tell: for {@link StoppingCriteria#noiseIterations()} iterations
     * in a row f changed by less than its noise (relative {@link StoppingCriteria#relativeNoise()}) over
     * steps float64 barely resolves, while the gradient norm set no new record low (a trust-region step
     * rejected although its model promised less than the noise counts as such an iteration). Below this
     * level a smaller gradient tolerance only burns evaluations: f cannot see the difference.
     */
    CONVERGED_TO_NOISE,
    /** The last step was shorter than the step tolerance. */
    STEP_TOLERANCE,
    /** The function changed less than the function tolerance. */
    FUNCTION_TOLERANCE,
    /**
     * f fell without bound: it reached minus infinity, or dropped by more than
     * {@link StoppingCriteria#UNBOUNDED_DROP} times max(1, |f(x0)|) below its starting value. The
     * problem has no minimiser (or the iterates left the region where the model of f is valid).
     */
    UNBOUNDED_BELOW,
    /** The iteration limit was reached. */
    MAX_ITERATIONS,
    /**
     * No step changed x any more although f had not settled: the line search found no point with
     * sufficient decrease, or the trust region shrank until the step no longer moved any coordinate
     * of x in floating point. Usually f or its gradient is wrong (a bug in hand-written derivatives)
     * or not smooth at the point.
     */
    NO_PROGRESS
}
