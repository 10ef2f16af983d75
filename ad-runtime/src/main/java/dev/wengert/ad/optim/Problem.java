package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;
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

    private final CountingObjective f;
    private final Manifold manifold;
    private final StoppingCriteria stopping;
    private final Consumer<Iteration> listener;
    private final List<Iteration> iterations = new ArrayList<>();
    private final int n;
    private double[] scratch;

    Problem(Objective objective, Manifold manifold, StoppingCriteria stopping, Consumer<Iteration> listener,
            double[] x0) {
        if (objective == null) {
            throw new IllegalArgumentException("objective must not be null");
        }
        Vectors.requireStartingPoint(x0);
        manifold.checkDimension(x0.length);
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
        Point p = evaluate(x);
        if (!Double.isFinite(p.value()) || !Double.isFinite(p.gradientNorm())) {
            throw new NonFiniteObjectiveException("objective is not finite at the starting point: f = " + p.value()
                    + ", |g| = " + p.gradientNorm() + "; start from a point where f and its gradient are defined");
        }
        return p;
    }

    /** Evaluates f and its gradients at x (x is kept, not copied). */
    Point evaluate(double[] x) {
        double[] egrad = new double[n];
        double value = f.gradient(x, egrad);
        double[] grad = new double[n];
        manifold.project(x, egrad, grad);
        return new Point(x, value, egrad, grad);
    }

    /** Writes the Riemannian Hessian at p applied to the tangent vector u into out. */
    void hessianVector(Point p, double[] u, double[] out) {
        if (scratch == null) {
            scratch = new double[n];
        }
        f.hessianVector(p.x(), u, scratch);
        manifold.riemannianHessianVector(p.x(), p.euclideanGradient(), scratch, u, out);
        if (!manifold.isEuclidean()) {
            manifold.project(p.x(), out, out);   // removes the rounding drift off the tangent space
        }
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
        add(p, 0.0);
        return p.gradientNorm() <= stopping.gradientTolerance() ? StopReason.GRADIENT_TOLERANCE : null;
    }

    /**
     * Records the iterate reached from {@code previous} and returns the stop reason, or null to go on.
     *
     * @throws NonFiniteObjectiveException if f or its gradient is not finite at the new point
     */
    StopReason record(Point previous, Point next) {
        double step = Vectors.distance(previous.x(), next.x());
        add(next, step);
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
        if (iterations.size() - 1 >= stopping.maxIterations()) {
            return StopReason.MAX_ITERATIONS;
        }
        return null;
    }

    /** Records a rejected trust-region step: the point stays, the counts move on. */
    StopReason recordRejected(Point unchanged) {
        add(unchanged, 0.0);
        return iterations.size() - 1 >= stopping.maxIterations() ? StopReason.MAX_ITERATIONS : null;
    }

    OptimizationHistory finish(StopReason reason) {
        return new OptimizationHistory(iterations, reason);
    }

    private void add(Point p, double step) {
        Iteration it = new Iteration(iterations.size(), p.x(), p.value(), p.gradientNorm(), step,
                f.valueEvaluations(), f.gradientEvaluations(), f.hessianVectorEvaluations(), f.hessianEvaluations());
        iterations.add(it);
        if (listener != null) {
            listener.accept(it);
        }
    }
}
