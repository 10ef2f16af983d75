package dev.wengert.ad.optim;

import dev.wengert.ad.Objective;
import java.util.Arrays;

/**
 * Trust-region Newton-CG: each iteration solves the quadratic model inside a trust region with
 * {@link SteihaugCg}, using exact Hessian-vector products only (no matrix is ever formed; or, with
 * {@link #withHessian}, the objective's sparse Hessian once per iteration and its Jacobi preconditioner), and
 * grows or shrinks the region by how well the model predicted the actual decrease (Nocedal and
 * Wright, Algorithm 4.1). The CG tolerance min(0.5, sqrt|g|) |g| makes the steps exact Newton steps
 * near the solution, so convergence there is superlinear.
 *
 * <p>On a {@link Manifold} this is the Riemannian trust-region method (Absil, Baker and Gallivan):
 * the model uses the Riemannian gradient and Hessian on the tangent space, and the step is retracted.
 * It is the solver of choice for the Thomson problem: the Hessian there is indefinite away from
 * minima and singular at them (rotations), and truncated CG handles both.
 *
 * <pre>{@code
 * OptimizationHistory h = new NewtonCg()
 *         .onManifold(ProductOfSpheres.of(n, 3))
 *         .withStopping(StoppingCriteria.gradientBelow(1e-10))
 *         .minimize(energy, x0);
 * }</pre>
 */
public final class NewtonCg extends ConfiguredOptimizer<NewtonCg> {

    private final double initialRadius;
    private final double maxRadius;
    private final HessianMode hessianMode;

    /** Initial radius 1, no practical cap, |g| &lt;= 1e-8 or 1000 iterations, in R^n. */
    public NewtonCg() {
        this(Settings.defaults(), 1.0, 1e10, HessianMode.HESSIAN_VECTOR);
    }

    private NewtonCg(Settings settings, double initialRadius, double maxRadius, HessianMode hessianMode) {
        super(settings);
        TrustRegion.requireRadii(initialRadius, maxRadius);
        this.initialRadius = initialRadius;
        this.maxRadius = maxRadius;
        if (hessianMode == null) {
            throw new IllegalArgumentException("Hessian mode must not be null; HessianMode.HESSIAN_VECTOR is the default");
        }
        this.hessianMode = hessianMode;
    }

    /**
     * Sets the starting and the largest trust-region radius.
     *
     * @param initial the first radius, positive
     * @param max the largest radius, at least {@code initial}
     * @return the new optimiser
     */
    public NewtonCg withRadius(double initial, double max) {
        return new NewtonCg(settings(), initial, max, hessianMode);
    }

    /**
     * A copy of this optimiser that gets its Hessian products as {@code mode} says: for a large sparse
     * problem ({@code HessianMode.SPARSE}) one sparse Hessian per Newton step replaces an HVP per CG step,
     * and its diagonal preconditions CG.
     *
     * @param mode Hessian-vector products, the sparse Hessian, or the sparse Hessian where it pays
     * @return the new optimiser
     */
    public NewtonCg withHessian(HessianMode mode) {
        return new NewtonCg(settings(), initialRadius, maxRadius, mode);
    }

    @Override
    NewtonCg withSettings(Settings settings) {
        return new NewtonCg(settings, initialRadius, maxRadius, hessianMode);
    }

    @Override
    public OptimizationHistory minimize(Objective f, double[] x0) {
        Problem problem = settings().problem(f, x0);
        int n = problem.dimension();
        Manifold manifold = settings().manifold();
        TrustRegion region = new TrustRegion(problem, problem.start(x0), initialRadius, maxRadius);
        double startGradient = region.point().gradientNorm();
        SparseModel sparse = SparseModel.of(problem, hessianMode);
        // Jacobi preconditioning in R^n only: on a manifold M^-1 r would leave the tangent space.
        boolean preconditioned = sparse != null && manifold.isEuclidean();
        double[] identity = new double[n];
        Arrays.fill(identity, 1.0);
        while (region.reason() == null) {
            Problem.Point p = region.point();
            double gNorm = p.gradientNorm();
            // The forcing term is measured against the starting gradient, so that it does not depend
            // on the units of f: min(0.5, sqrt|g|) is 0.5 for ever on a problem whose |g| is 1e2..1e8
            // (Meyer's fit), and CG then stops after one iteration with a step along the stiffest
            // direction only, thousands of times over.
            double tolerance = Math.min(0.5, Math.sqrt(gNorm / startGradient)) * gNorm;
            SteihaugCg.Operator hessian;
            if (sparse == null) {
                hessian = (v, out) -> problem.hessianVector(p, v, out);
            } else {
                sparse.update(p);
                hessian = (v, out) -> sparse.apply(p, v, out);
            }
            double[] metric = preconditioned ? sparse.preconditioner() : identity;
            SteihaugCg.Result cg = SteihaugCg.solve(hessian, p.gradient(), region.radius(), tolerance, 2 * n, metric);
            problem.addInnerIterations(cg.iterations());
            double[] step = cg.step();
            double stepNorm = SteihaugCg.metricNorm(step, metric);   // in the trust region's norm
            region.tryStep(step, stepNorm, cg.modelDecrease(), cg.onBoundary());
        }
        return problem.finish(region.reason());
    }
}
