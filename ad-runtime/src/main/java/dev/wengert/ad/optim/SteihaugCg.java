package dev.wengert.ad.optim;

import java.util.Arrays;

/**
 * Steihaug's truncated conjugate gradient method for the trust-region subproblem
 * <pre>
 *   minimise  m(p) = g^T p + 1/2 p^T B p   subject to |p| &lt;= radius
 * </pre>
 * using only products B v (Nocedal and Wright, Algorithm 7.2). CG runs from p = 0 and stops at the
 * first of: the residual is below the tolerance (an inexact Newton step), a direction of non-positive
 * curvature (followed to the boundary), or an iterate leaving the region (cut at the boundary). Each
 * stop leaves a step that decreases the model at least as much as the Cauchy point, which is what the
 * trust-region method's convergence rests on; negative curvature is used, not feared.
 *
 * <pre>{@code
 * SteihaugCg.Result r = SteihaugCg.solve((v, out) -> f.hessianVector(x, v, out), g, 1.0, 1e-6, 2 * n);
 * double[] step = r.step();
 * }</pre>
 */
public final class SteihaugCg {

    private SteihaugCg() {}

    /** The operator B, applied to v into out. */
    @FunctionalInterface
    public interface Operator {
        /**
         * Writes B v into {@code out}.
         *
         * @param v the vector
         * @param out output: B v, overwritten
         */
        void apply(double[] v, double[] out);
    }

    /** Why CG stopped. */
    public enum Termination {
        /** The residual fell below the tolerance inside the trust region. */
        CONVERGED,
        /** A direction of non-positive curvature was followed to the boundary. */
        NEGATIVE_CURVATURE,
        /** The step reached the trust-region boundary. */
        BOUNDARY,
        /** The iteration limit was reached. */
        MAX_ITERATIONS
    }

    /**
     * The step and what it gains.
     *
     * @param step the step p
     * @param modelDecrease m(0) - m(p) = -(g^T p + 1/2 p^T B p), non-negative
     * @param iterations CG iterations, one operator application each
     * @param termination why CG stopped
     */
    public record Result(double[] step, double modelDecrease, int iterations, Termination termination) {
        /**
         * Copies the step, so the record stays immutable.
         *
         * @param step the step p
         * @param modelDecrease m(0) - m(p) = -(g^T p + 1/2 p^T B p), non-negative
         * @param iterations CG iterations, one operator application each
         * @param termination why CG stopped
         */
        public Result {
            step = step.clone();
        }

        /**
         * A copy of the step.
         *
         * @return a new array
         */
        @Override
        public double[] step() {
            return step.clone();
        }

        /**
         * True when the step reached the trust-region boundary.
         *
         * @return true on the boundary
         */
        public boolean onBoundary() {
            return termination == Termination.NEGATIVE_CURVATURE || termination == Termination.BOUNDARY;
        }
    }

    /**
     * Approximately minimises the model within the radius.
     *
     * @param b the model Hessian, applied by products only
     * @param g the gradient (model slope at 0)
     * @param radius trust-region radius, positive
     * @param tolerance stop when the residual norm |g + B p| is at most this
     * @param maxIterations CG iteration limit, at least 1
     * @return the step, its model decrease and why CG stopped
     */
    public static Result solve(Operator b, double[] g, double radius, double tolerance, int maxIterations) {
        double[] identity = new double[g.length];
        Arrays.fill(identity, 1.0);
        return solve(b, g, radius, tolerance, maxIterations, identity);
    }

    /**
     * Preconditioned: CG on the model with the diagonal preconditioner M = diag(m), in the trust region
     * |p|_M = sqrt(sum m_i p_i^2) &lt;= radius (Steihaug's method with a scaled region, in which the
     * iterates' M-norm grows monotonically, so that leaving the region still ends CG). With m the
     * Hessian's diagonal (Jacobi) a badly scaled model needs far fewer iterations.
     *
     * @param b the model Hessian, applied by products only
     * @param g the gradient (model slope at 0)
     * @param radius trust-region radius in the M-norm, positive
     * @param tolerance stop when the residual norm |g + B p| (Euclidean) is at most this
     * @param maxIterations CG iteration limit, at least 1
     * @param m the preconditioner's diagonal, every entry positive and finite
     * @return the step, its model decrease and why CG stopped
     */
    public static Result solve(Operator b, double[] g, double radius, double tolerance, int maxIterations,
                               double[] m) {
        if (!(radius > 0.0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("trust-region radius must be positive and finite, got " + radius);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
        }
        int n = g.length;
        if (m.length != n) {
            throw new IllegalArgumentException("preconditioner has " + m.length + " entries, the gradient " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!(m[i] > 0.0) || Double.isInfinite(m[i])) {
                throw new IllegalArgumentException("preconditioner entry " + i + " is " + m[i]
                        + "; every entry must be positive and finite (use |H_ii| bounded away from 0)");
            }
        }
        Metric metric = new Metric(m);
        double[] p = new double[n];
        double[] bp = new double[n];     // B p, kept so that the model decrease is exact and free
        double[] r = g.clone();          // residual g + B p
        double[] z = metric.solve(r);    // M^-1 r
        double[] d = z.clone();
        Vectors.scale(-1.0, d);
        double[] bd = new double[n];
        double rz = Vectors.dot(r, z);
        if (Vectors.norm(r) <= tolerance) {
            return new Result(p, 0.0, 0, Termination.CONVERGED);
        }
        for (int j = 1; j <= maxIterations; j++) {
            b.apply(d, bd);
            double dbd = Vectors.dot(d, bd);
            if (!(dbd > 0.0)) {
                // Both ends of the line through p along d lie on the boundary; the model is concave
                // along d, so one of them is its minimiser on that line: take the lower (Nocedal and
                // Wright's Algorithm 7.2), not always the forward one.
                double forward = metric.toBoundary(p, d, radius);
                double backward = -metric.toBoundary(p, negated(d), radius);
                double rd = Vectors.dot(r, d);
                double tau = lineModel(forward, rd, dbd) <= lineModel(backward, rd, dbd) ? forward : backward;
                return finish(g, p, bp, d, bd, tau, j, Termination.NEGATIVE_CURVATURE);
            }
            double alpha = rz / dbd;
            if (metric.normAfter(p, alpha, d) >= radius) {
                double tau = metric.toBoundary(p, d, radius);
                return finish(g, p, bp, d, bd, tau, j, Termination.BOUNDARY);
            }
            Vectors.axpy(alpha, d, p);
            Vectors.axpy(alpha, bd, bp);
            Vectors.axpy(alpha, bd, r);
            if (Vectors.norm(r) <= tolerance) {
                return new Result(p, decrease(g, p, bp), j, Termination.CONVERGED);
            }
            z = metric.solve(r);
            double rzNext = Vectors.dot(r, z);
            double beta = rzNext / rz;
            for (int i = 0; i < n; i++) {
                d[i] = -z[i] + beta * d[i];
            }
            rz = rzNext;
        }
        return new Result(p, decrease(g, p, bp), maxIterations, Termination.MAX_ITERATIONS);
    }

    private static Result finish(double[] g, double[] p, double[] bp, double[] d, double[] bd, double tau,
                                 int iterations, Termination why) {
        Vectors.axpy(tau, d, p);
        Vectors.axpy(tau, bd, bp);
        return new Result(p, decrease(g, p, bp), iterations, why);
    }

    /** |v|_M = sqrt(sum m_i v_i^2), the norm the preconditioned region is measured in. */
    static double metricNorm(double[] v, double[] m) {
        return Math.sqrt(new Metric(m).dot(v, v));
    }

    /** The diagonal metric M = diag(m): its norm, its inverse, and where a line leaves its ball. */
    private record Metric(double[] m) {
        double dot(double[] a, double[] b) {
            double s = 0.0;
            for (int i = 0; i < a.length; i++) {
                s += m[i] * a[i] * b[i];
            }
            return s;
        }

        double[] solve(double[] r) {
            double[] z = new double[r.length];
            for (int i = 0; i < r.length; i++) {
                z[i] = r[i] / m[i];
            }
            return z;
        }

        double normAfter(double[] p, double alpha, double[] d) {
            double s = 0.0;
            for (int i = 0; i < p.length; i++) {
                double v = p[i] + alpha * d[i];
                s += m[i] * v * v;
            }
            return Math.sqrt(s);
        }

        /** The tau &gt;= 0 with |p + tau d|_M = radius (p is inside). */
        double toBoundary(double[] p, double[] d, double radius) {
            double pd = dot(p, d);
            double dd = dot(d, d);
            double pp = dot(p, p);
            double disc = Math.sqrt(pd * pd + dd * (radius * radius - pp));
            // Written to avoid cancellation when pd > 0.
            return pd > 0.0 ? (radius * radius - pp) / (pd + disc) : (disc - pd) / dd;
        }
    }

    /** m(p + tau d) - m(p) for the residual r = g + B p: tau r.d + tau^2 d.Bd / 2. */
    private static double lineModel(double tau, double rd, double dbd) {
        return tau * rd + 0.5 * tau * tau * dbd;
    }

    private static double[] negated(double[] d) {
        double[] out = d.clone();
        Vectors.scale(-1.0, out);
        return out;
    }

    private static double decrease(double[] g, double[] p, double[] bp) {
        return -(Vectors.dot(g, p) + 0.5 * Vectors.dot(p, bp));
    }
}
