package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;

/**
 * Trust-region Newton with the dense Hessian and the subproblem solved exactly:
 * <pre>
 *   minimise  g^T p + 1/2 p^T H p   subject to  |p| &lt;= radius .
 * </pre>
 * If H is positive definite and its Newton step lies inside the region, that step is the solution
 * (the interior case); otherwise the solution lies on the sphere |p| = radius and is the sphere
 * problem of {@link QuadraticOnSphere} with A = H/2 and b = -g/2 (Moré and Sorensen's characterisation
 * via Hager's secular equation, the hard case included). The radius follows the ratio of actual to
 * predicted decrease, as in {@link NewtonCg}.
 *
 * <p>Exact steps make it robust where a line search along a shifted Newton direction or truncated
 * CG stall: a saddle or an indefinite start is left along the most negative curvature, and a
 * badly scaled valley is followed with the best step the region allows. It costs one dense Hessian,
 * one Cholesky and, on the boundary, one symmetric eigendecomposition (O(n^3)) per iteration: the
 * method for small n. On a manifold it solves the model of the Riemannian Hessian on the tangent space.
 *
 * <pre>{@code
 * OptimizationHistory h = new TrustRegionNewton().minimize(f, x0);
 * }</pre>
 */
public final class TrustRegionNewton extends ConfiguredOptimizer<TrustRegionNewton> {

    private final double initialRadius;
    private final double maxRadius;

    /** Initial radius 1, no practical cap, |g| &lt;= 1e-8 or 1000 iterations, in R^n. */
    public TrustRegionNewton() {
        this(Settings.defaults(), 1.0, 1e10);
    }

    private TrustRegionNewton(Settings settings, double initialRadius, double maxRadius) {
        super(settings);
        TrustRegion.requireRadii(initialRadius, maxRadius);
        this.initialRadius = initialRadius;
        this.maxRadius = maxRadius;
    }

    /**
     * Sets the starting and the largest trust-region radius.
     *
     * @param initial the first radius, positive
     * @param max the largest radius, at least {@code initial}
     * @return the new optimiser
     */
    public TrustRegionNewton withRadius(double initial, double max) {
        return new TrustRegionNewton(settings(), initial, max);
    }

    @Override
    TrustRegionNewton withSettings(Settings settings) {
        return new TrustRegionNewton(settings, initialRadius, maxRadius);
    }

    @Override
    public OptimizationHistory minimize(Objective f, double[] x0) {
        Problem problem = settings().problem(f, x0);
        int n = problem.dimension();
        Manifold manifold = problem.manifold();
        TrustRegion region = new TrustRegion(problem, problem.start(x0), initialRadius, maxRadius);
        double[] h = new double[n * n];
        while (region.reason() == null) {
            Problem.Point p = region.point();
            problem.hessian(p, h);
            double[] matrix = manifold.isEuclidean() ? h : Newton.riemannianMatrix(problem, p, h);
            Step step = solve(matrix, p.gradient(), region.radius());
            if (!manifold.isEuclidean()) {
                manifold.project(p.x(), step.p, step.p);   // a hard-case eigenvector may have a normal part
            }
            region.tryStep(step.p, Vectors.norm(step.p), modelDecrease(matrix, p.gradient(), step.p), step.onBoundary);
        }
        return problem.finish(region.reason());
    }

    /** A solution of the subproblem and whether it lies on the boundary. */
    record Step(double[] p, boolean onBoundary) {}

    /** The global minimiser of g^T p + 1/2 p^T H p over |p| &lt;= radius. */
    static Step solve(double[] hessian, double[] g, double radius) {
        int n = g.length;
        Cholesky c = Cholesky.tryFactor(hessian, n, 0.0);
        if (c != null) {
            double[] newton = c.solve(g);
            Vectors.scale(-1.0, newton);
            if (Vectors.norm(newton) <= radius) {
                return new Step(newton, false);
            }
        }
        double[] a = new double[n * n];
        double[] b = new double[n];
        for (int i = 0; i < n * n; i++) {
            a[i] = 0.5 * hessian[i];
        }
        for (int i = 0; i < n; i++) {
            b[i] = -0.5 * g[i];
        }
        return new Step(QuadraticOnSphere.minimize(a, b, radius).z(), true);
    }

    /** m(0) - m(p) = -(g^T p + 1/2 p^T H p). */
    private static double modelDecrease(double[] h, double[] g, double[] p) {
        int n = g.length;
        double quadratic = 0.0;
        for (int i = 0; i < n; i++) {
            double s = 0.0;
            for (int k = 0; k < n; k++) {
                s += h[i * n + k] * p[k];
            }
            quadratic += p[i] * s;
        }
        return -(Vectors.dot(g, p) + 0.5 * quadratic);
    }
}
