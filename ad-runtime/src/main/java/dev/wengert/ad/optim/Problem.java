package dev.wengert.ad.optim;

import dev.wengert.ad.GuardFlippedException;
import dev.wengert.ad.Objective;
import dev.wengert.ad.Recording;
import dev.wengert.ad.SparsityPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One optimiser run's view of the objective: evaluations counted, gradients and Hessian-vector
 * products made Riemannian for the manifold, non-finite values reported, and the history recorded
 * with the stopping tests applied. Package-private: the optimisers share it so that each of them is
 * only its own algorithm.
 */
final class Problem {

    /** The state at one point: x, f(x), the Euclidean and the Riemannian gradient. */
    record Point(double[] x, double value, double[] euclideanGradient, double[] gradient) {
        double gradientNorm() {
            return Vectors.norm(gradient);
        }
    }

    private final Objective original;
    private final CountingObjective f;
    private final Manifold manifold;
    private final Box bounds;   // null when x is free
    private final StoppingCriteria stopping;
    private final Consumer<Iteration> listener;
    private final List<Iteration> iterations = new ArrayList<>();
    private final int n;
    private double[] scratch;
    private double startValue = Double.NaN;
    private double smallestGradient = Double.POSITIVE_INFINITY;
    // The largest change of f seen across a step too short to explain it: f's own rounding, measured.
    private double observedNoise;
    private static final double MAX_OBSERVED_NOISE = 1e-8;
    private long innerIterations;   // CG iterations (or other inner solver steps) so far
    private long hessianNanos;      // time in Hessians and Hessian products so far
    private int quietIterations;   // consecutive iterations in which f moved by no more than its noise

    Problem(Objective objective, Manifold manifold, Box bounds, StoppingCriteria stopping,
            Consumer<Iteration> listener, double[] x0) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Vectors.requireStartingPoint(x0);
        manifold.checkDimension(x0.length);
        if (bounds != null) {
            if (!manifold.isEuclidean()) {
                throw new IllegalArgumentException("bounds on " + manifold + " are not supported; "
                        + "use bounds in R^n or a manifold, not both");
            }
            bounds.checkDimension(x0.length);
        }
        this.bounds = bounds;
        this.original = objective;
        this.f = new CountingObjective(objective);
        this.manifold = manifold;
        this.stopping = stopping;
        this.listener = listener;
        this.n = x0.length;
    }

    int dimension() {
        return n;
    }

    Manifold manifold() {
        return manifold;
    }

    CountingObjective objective() {
        return f;
    }

    /** Evaluates the starting point (moved onto the manifold) and throws if f or g is not finite there. */
    Point start(double[] x0) {
        double[] x = new double[n];
        manifold.nearestPoint(x0, x);
        if (bounds != null) {
            bounds.clip(x, x);
        }
        Point p = evaluate(x);
        if (!Double.isFinite(p.value()) || !Double.isFinite(p.gradientNorm())) {
            throw new NonFiniteObjectiveException("objective is not finite at the starting point: f = " + p.value()
                    + ", |g| = " + p.gradientNorm() + "; start from a point where f and its gradient are defined");
        }
        return p;
    }

    /**
     * Evaluates f and its gradients at x (x is kept, not copied; with bounds it is first clipped to
     * them, which removes the rounding of x + s beyond a bound). With bounds the gradient of the point
     * is the projected one.
     */
    Point evaluate(double[] x) {
        if (bounds != null) {
            bounds.clip(x, x);
        }
        double[] egrad = new double[n];
        double value;
        try {
            value = f.gradient(x, egrad);
        } catch (GuardFlippedException flipped) {
            throw guardFlipped(flipped);
        }
        double[] grad = new double[n];
        if (bounds != null) {
            bounds.projectedGradient(x, egrad, grad);
        } else {
            manifold.project(x, egrad, grad);
        }
        return new Point(x, value, egrad, grad);
    }

    /** Writes the Riemannian Hessian at p applied to the tangent vector u into out. */
    void hessianVector(Point p, double[] u, double[] out) {
        if (scratch == null) {
            scratch = new double[n];
        }
        timedHessian(() -> f.hessianVector(p.x(), u, scratch));
        riemannianHessianVector(p, scratch, u, out);
    }

    /**
     * Turns the Euclidean Hessian at p applied to u ({@code euclideanHv}) into the Riemannian one, in
     * out (may be euclideanHv itself only in R^n).
     */
    void riemannianHessianVector(Point p, double[] euclideanHv, double[] u, double[] out) {
        manifold.riemannianHessianVector(p.x(), p.euclideanGradient(), euclideanHv, u, out);
        if (!manifold.isEuclidean()) {
            manifold.project(p.x(), out, out);   // removes the rounding drift off the tangent space
        }
    }

    /** Writes the dense Euclidean Hessian at p into h (row-major n x n). */
    void hessian(Point p, double[] h) {
        timedHessian(() -> f.hessian(p.x(), h));
    }

    /** Writes the Euclidean Hessian's non-zeros at p into values, in the order of the objective's pattern. */
    void sparseHessian(Point p, double[] values) {
        timedHessian(() -> f.sparseHessian(p.x(), values));
    }

    /** Runs a second-order call of f, adding its time to the Hessian time and translating a guard flip. */
    private void timedHessian(Runnable call) {
        long start = System.nanoTime();
        try {
            call.run();
        } catch (GuardFlippedException flipped) {
            throw guardFlipped(flipped);
        }
        hessianNanos += System.nanoTime() - start;
    }

    /** The objective's Hessian pattern, or null if it does not know it; ask once per run, not per iteration. */
    SparsityPattern hessianPatternIfKnown() {
        try {
            return f.hessianPattern(dimension());
        } catch (UnsupportedOperationException unknown) {
            return null;
        }
    }

    /** Adds time spent in Hessian products the optimiser makes itself (a sparse matrix times a vector). */
    void addHessianTime(long nanos) {
        hessianNanos += nanos;
    }

    /** Counts the inner solver's iterations (CG steps) of the coming iterate. */
    void addInnerIterations(int k) {
        innerIterations += k;
    }

    /**
     * A low-level {@link Recording} cannot be re-recorded here (it does not hold the function), and
     * derivatives of the wrong branch would steer the run wrong without a trace; so the run stops at
     * the first flip, and the message says what to pass instead.
     */
    private GuardFlippedException guardFlipped(GuardFlippedException flipped) {
        GuardFlippedException e = new GuardFlippedException("the optimiser left the region where the "
                + (original instanceof Recording ? "Recording" : "objective") + " was recorded, after "
                + Math.max(0, iterations.size() - 1) + " iterations: " + flipped.getMessage()
                + ". Pass Derivatives.record(f, x0) (a RecordedFunction, which records f again where a comparison "
                + "flips) instead of Tape.record(f, x0)");
        e.initCause(flipped);
        return e;
    }

    /** The curve alpha -> R_x(alpha d), for the line search. */
    StrongWolfeLineSearch.Line<Point> line(Point from, double[] direction) {
        return alpha -> {
            double[] x = new double[n];
            manifold.retract(from.x(), direction, alpha, x);
            Point p = evaluate(x);
            double[] velocity = new double[n];
            manifold.retractionVelocity(from.x(), direction, alpha, velocity);
            return new StrongWolfeLineSearch.Trial<>(alpha, p.value(), Vectors.dot(p.euclideanGradient(), velocity), p);
        };
    }

    /** The trial at alpha = 0 along direction d from p. */
    static StrongWolfeLineSearch.Trial<Point> origin(Point p, double[] direction) {
        return new StrongWolfeLineSearch.Trial<>(0.0, p.value(), Vectors.dot(p.gradient(), direction), p);
    }

    /** Records the starting point; returns a stop reason if it already meets the gradient tolerance. */
    StopReason recordStart(Point p) {
        startValue = p.value();
        smallestGradient = p.gradientNorm();
        add(p, 0.0);
        return p.gradientNorm() <= stopping.gradientTolerance() ? StopReason.GRADIENT_TOLERANCE : null;
    }

    /**
     * Records the iterate reached from {@code previous} and returns the stop reason, or null to go on.
     *
     * @throws NonFiniteObjectiveException if f or its gradient is not finite at the new point
     */
    StopReason record(Point previous, Point next) {
        return record(previous, next, false);
    }

    /**
     * As {@link #record(Point, Point)}; {@code modelWithinNoise} says that the method's own model (the
     * trust-region quadratic, or the first-order decrease of a fixed step) promised a decrease below the
     * noise of f for this step: such a step is quiet whatever its length (the noise in the gradient
     * drove it). Line-search methods do not pass it: their steps are judged by f itself.
     */
    StopReason record(Point previous, Point next, boolean modelWithinNoise) {
        double step = Vectors.distance(previous.x(), next.x());
        add(next, step);
        if (next.value() == Double.NEGATIVE_INFINITY || fellWithoutBound(next.value())) {
            return StopReason.UNBOUNDED_BELOW;
        }
        if (!Double.isFinite(next.value()) || !Double.isFinite(next.gradientNorm())) {
            throw new NonFiniteObjectiveException("objective became non-finite at iteration " + (iterations.size() - 1)
                    + ": f = " + next.value() + ", |g| = " + next.gradientNorm());
        }
        if (next.gradientNorm() <= stopping.gradientTolerance()) {
            return StopReason.GRADIENT_TOLERANCE;
        }
        if (stopping.stepTolerance() > 0.0 && step <= stopping.stepTolerance()) {
            return StopReason.STEP_TOLERANCE;
        }
        if (stopping.functionTolerance() > 0.0 && Math.abs(previous.value() - next.value())
                <= stopping.functionTolerance() * Math.max(1.0, Math.abs(previous.value()))) {
            return StopReason.FUNCTION_TOLERANCE;
        }
        // Quiet: f moved by no more than its noise, x by a step float64 barely resolves, and the
        // gradient norm set no new record low. The last two keep a converging run going however slowly
        // it converges: f changes by about |g|^2 / lambda, below its noise long before |g| meets a
        // strict tolerance, but the steps are still far above rounding and |g| keeps setting records.
        boolean gradientStalled = next.gradientNorm() >= smallestGradient;
        smallestGradient = Math.min(smallestGradient, next.gradientNorm());
        double change = Math.abs(previous.value() - next.value());
        boolean unresolved = step <= StoppingCriteria.UNRESOLVED_STEP * Math.max(1.0, Vectors.norm(previous.x()));
        observeNoise(previous, change, step, unresolved);
        if (countQuiet(gradientStalled && change <= noise(previous) && (modelWithinNoise || unresolved))) {
            return StopReason.CONVERGED_TO_NOISE;
        }
        if (iterations.size() - 1 >= stopping.maxIterations()) {
            return StopReason.MAX_ITERATIONS;
        }
        return null;
    }

    /**
     * Records a rejected trust-region step: the point stays, the counts move on. {@code withinNoise}
     * says that the model promised a change of f below f's noise, so the rejection says nothing about
     * the model: it counts as a quiet iteration.
     */
    StopReason recordRejected(Point unchanged, boolean withinNoise) {
        add(unchanged, 0.0);
        if (countQuiet(withinNoise)) {
            return StopReason.CONVERGED_TO_NOISE;
        }
        return iterations.size() - 1 >= stopping.maxIterations() ? StopReason.MAX_ITERATIONS : null;
    }

    /** True when the stopping criteria include the noise test. */
    boolean detectsNoise() {
        return stopping.detectsNoise();
    }

    /**
     * The change of f at p that its rounding can hide: the criteria's relative level (relative, so that
     * f = 0 is reached exactly), or more where f has shown itself noisier than that.
     */
    double noise(Point p) {
        return Math.max(stopping.relativeNoise() * Math.abs(p.value()), observedNoise);
    }

    /**
     * The rounding f has shown (see {@link #observeNoise}) relative to 1 + |f(p)|, as a line search takes
     * it: line searches near a minimum decide by slopes alone within their noise band, and widen it to
     * this. 0 until f has shown any.
     */
    double observedRelativeNoise(Point p) {
        return observedNoise / (1.0 + Math.abs(p.value()));
    }

    /**
     * Learns f's rounding from a step float64 barely resolves: the first-order change across it is at
     * most |g| times the step, so a change ten times that (and below sqrt(eps) of f, where no smooth f is
     * that rough) is rounding. Such f are common: Meyer's fit cancels 1e4-sized terms in every residual, and
     * its values scatter 1e-11 relative where the default level says 1e-12.
     */
    private void observeNoise(Point previous, double change, double step, boolean unresolved) {
        if (stopping.detectsNoise() && unresolved && change > 10.0 * previous.gradientNorm() * step
                && change <= MAX_OBSERVED_NOISE * Math.max(1.0, Math.abs(previous.value()))) {
            observedNoise = Math.max(observedNoise, change);
        }
    }

    private boolean countQuiet(boolean quiet) {
        quietIterations = quiet ? quietIterations + 1 : 0;
        return stopping.detectsNoise() && quietIterations >= stopping.noiseIterations();
    }

    private boolean fellWithoutBound(double value) {
        return value < startValue - StoppingCriteria.UNBOUNDED_DROP * Math.max(1.0, Math.abs(startValue));
    }

    OptimizationHistory finish(StopReason reason) {
        return new OptimizationHistory(iterations, reason);
    }

    private void add(Point p, double step) {
        Iteration it = new Iteration(iterations.size(), p.x(), p.value(), p.gradientNorm(), step,
                f.valueEvaluations(), f.gradientEvaluations(), f.hessianVectorEvaluations(), f.hessianEvaluations(),
                innerIterations, hessianNanos);
        iterations.add(it);
        if (listener != null) {
            listener.accept(it);
        }
    }
}
