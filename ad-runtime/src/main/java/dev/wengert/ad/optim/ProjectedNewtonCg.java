package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * Trust-region Newton-CG for simple bounds l &lt;= x &lt;= u ({@link Box}). Each iteration holds the
 * coordinates that sit at a bound the gradient pushes against, runs {@link SteihaugCg} on the
 * others (Hessian-vector products with the held coordinates masked out), and projects the step onto
 * the box; of the projected step and the step cut at the first bound it crosses, the one with the
 * larger model decrease is tried, and the radius follows the ratio of actual to predicted decrease
 * (in the manner of Lin and Moré's TRON, without its projected search). Every iterate is feasible;
 * convergence is measured by the projected gradient (g without the held components), which is what
 * {@link Iteration#gradientNorm()} reports and the gradient tolerance tests.
 *
 * <pre>{@code
 * OptimizationHistory h = new ProjectedNewtonCg(Box.atLeast(obstacle)).minimize(energy, x0);
 * }</pre>
 */
public final class ProjectedNewtonCg extends ConfiguredOptimizer<ProjectedNewtonCg> {

    private final Box bounds;

    /**
     * Bounded by {@code bounds}; initial radius 1, projected |g| &lt;= 1e-8 or 1000 iterations.
     *
     * @param bounds the box, of the dimension of the starting points to come
     */
    public ProjectedNewtonCg(Box bounds) {
        this(Settings.defaults(), bounds);
    }

    private ProjectedNewtonCg(Settings settings, Box bounds) {
        super(settings);
        if (bounds == null) {
            throw new IllegalArgumentException("bounds must not be null; use NewtonCg for an unbounded problem");
        }
        this.bounds = bounds;
    }

    @Override
    ProjectedNewtonCg withSettings(Settings settings) {
        return new ProjectedNewtonCg(settings, bounds);
    }

    @Override
    public OptimizationHistory minimize(Objective f, double[] x0) {
        Problem problem = settings().problem(f, bounds, x0);
        int n = problem.dimension();
        TrustRegion region = new TrustRegion(problem, problem.start(x0), 1.0, 1e10);
        double startGradient = region.point().gradientNorm();
        boolean[] held = new boolean[n];
        double[] masked = new double[n];
        while (region.reason() == null) {
            Problem.Point p = region.point();
            double[] x = p.x();
            for (int i = 0; i < n; i++) {
                held[i] = bounds.isHeld(x, p.euclideanGradient(), i);
            }
            SteihaugCg.Operator freeHessian = (v, out) -> {
                for (int i = 0; i < n; i++) {
                    masked[i] = held[i] ? 0.0 : v[i];
                }
                problem.hessianVector(p, masked, out);
                for (int i = 0; i < n; i++) {
                    if (held[i]) {
                        out[i] = 0.0;
                    }
                }
            };
            double gNorm = p.gradientNorm();
            double tolerance = Math.min(0.5, Math.sqrt(gNorm / startGradient)) * gNorm;
            SteihaugCg.Result cg = SteihaugCg.solve(freeHessian, p.gradient(), region.radius(), tolerance, 2 * n);
            problem.addInnerIterations(cg.iterations());
            double[] step = cg.step();

            // The step projected onto the box, with its exact model decrease (one more product) ...
            double[] projected = new double[n];
            for (int i = 0; i < n; i++) {
                projected[i] = x[i] + step[i];
            }
            bounds.clip(projected, projected);
            for (int i = 0; i < n; i++) {
                projected[i] -= x[i];
            }
            double[] hs = new double[n];
            freeHessian.apply(projected, hs);
            double projectedDecrease = -(Vectors.dot(p.gradient(), projected) + 0.5 * Vectors.dot(projected, hs));
            // ... and the step cut at the first bound it crosses, whose model is known from CG's.
            double cut = firstBreakpoint(x, step);
            double gs = Vectors.dot(p.gradient(), step);
            double shs = 2.0 * (-cg.modelDecrease() - gs);
            double cutDecrease = -(cut * gs + 0.5 * cut * cut * shs);
            if (cutDecrease > projectedDecrease) {
                Vectors.scale(cut, step);
                region.tryStep(step, Vectors.norm(step), cutDecrease, cg.onBoundary() && cut == 1.0);
            } else {
                region.tryStep(projected, Vectors.norm(projected), projectedDecrease, cg.onBoundary());
            }
        }
        return problem.finish(region.reason());
    }

    /** The largest t in [0, 1] with x + t d inside the box. */
    private double firstBreakpoint(double[] x, double[] d) {
        double[] probe = new double[x.length];
        double t = 1.0;
        for (int i = 0; i < x.length; i++) {
            probe[i] = x[i] + d[i];
        }
        bounds.clip(probe, probe);
        for (int i = 0; i < x.length; i++) {
            if (probe[i] != x[i] + d[i] && d[i] != 0.0) {
                t = Math.min(t, (probe[i] - x[i]) / d[i]);
            }
        }
        return Math.max(t, 0.0);
    }
}
