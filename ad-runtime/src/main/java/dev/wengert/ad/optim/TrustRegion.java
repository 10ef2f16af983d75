package dev.wengert.ad.optim;

import java.util.Arrays;

/**
 * The trust-region loop's bookkeeping, shared by {@link NewtonCg} and {@link TrustRegionNewton}: try a
 * step of the model, compare the actual with the predicted decrease, grow or shrink the radius
 * (Nocedal and Wright, Algorithm 4.1), accept or reject, and record the iterate.
 */
final class TrustRegion {

    /** Below this ratio of actual to predicted decrease a step is rejected. */
    private static final double ACCEPT = 0.1;

    private final Problem problem;
    private final double maxRadius;
    private double radius;
    private Problem.Point point;
    private StopReason reason;

    TrustRegion(Problem problem, Problem.Point start, double initialRadius, double maxRadius) {
        this.problem = problem;
        this.point = start;
        this.radius = initialRadius;
        this.maxRadius = maxRadius;
        this.reason = problem.recordStart(start);
    }

    /** Checks the radii an optimiser is configured with. */
    static void requireRadii(double initialRadius, double maxRadius) {
        if (!(initialRadius > 0.0 && initialRadius <= maxRadius) || Double.isInfinite(maxRadius)) {
            throw new IllegalArgumentException("need 0 < initialRadius <= maxRadius < infinity, got "
                    + initialRadius + " and " + maxRadius);
        }
    }

    double radius() {
        return radius;
    }

    Problem.Point point() {
        return point;
    }

    /** Null while the run goes on, else why it stopped. */
    StopReason reason() {
        return reason;
    }

    /**
     * Tries the step (a tangent vector at the current point) that the model says decreases f by
     * {@code modelDecrease}; {@code stepNorm} is its length in the region's norm, {@code onBoundary}
     * whether it reached the boundary.
     */
    void tryStep(double[] step, double stepNorm, double modelDecrease, boolean onBoundary) {
        Problem.Point p = point;
        double noise = problem.noise(p);
        double[] x = new double[problem.dimension()];
        problem.manifold().retract(p.x(), step, 1.0, x);
        if (Arrays.equals(x, p.x())) {
            reason = StopReason.NO_PROGRESS;          // the step no longer moves x in float64
            return;
        }
        Problem.Point trial = problem.evaluate(x);

        // Near convergence both decreases are at the rounding level of f; a shared offset of the
        // size of f's noise keeps their ratio meaningful there (as Manopt's trust-region solver
        // does). Relative to |f|, so that a zero-residual problem is still judged near f = 0.
        double offset = Math.max(noise, 1e3 * Math.ulp(1.0) * Math.abs(p.value()));
        double actual = p.value() - trial.value();
        double rho = (actual + offset) / (modelDecrease + offset);
        if (!(rho >= 0.25)) {   // also true for NaN: a non-finite trial shrinks the region
            radius = 0.25 * stepNorm;
        } else if (rho > 0.75 && onBoundary) {
            radius = Math.min(2.0 * radius, maxRadius);
        }
        if (trial.value() == Double.NEGATIVE_INFINITY || rho > ACCEPT && Double.isFinite(trial.value())) {
            reason = problem.record(p, trial, modelDecrease <= noise);
            point = trial;
        } else {
            // A model that promises less than f's noise cannot be refuted by f: whatever f did, the
            // rejection only shows the noise, and counts towards "converged to the noise".
            reason = problem.recordRejected(p, modelDecrease <= noise);
        }
    }
}
