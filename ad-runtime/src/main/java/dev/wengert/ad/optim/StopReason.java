package dev.wengert.ad.optim;

/** Why an optimiser stopped; see {@link StoppingCriteria}. */
public enum StopReason {
    /** The gradient norm reached the tolerance: the run converged. */
    GRADIENT_TOLERANCE,
    /** The last step was shorter than the step tolerance. */
    STEP_TOLERANCE,
    /** The function changed less than the function tolerance. */
    FUNCTION_TOLERANCE,
    /** The iteration limit was reached. */
    MAX_ITERATIONS,
    /**
     * No acceptable step could be found: the line search failed, or the trust region shrank below
     * what floating point can resolve. Usually the gradient tolerance is below the noise of f.
     */
    NO_PROGRESS
}
