/**
 * Second-order and quasi-Newton optimisers that see a function only through
 * {@link dev.wengert.ad.Objective}: Newton with the exact Hessian ({@link Newton}), trust-region
 * Newton-CG from Hessian-vector products only or from a sparse Hessian ({@link NewtonCg}), trust-region
 * Newton with the exact subproblem ({@link TrustRegionNewton}), {@link Lbfgs}, steepest descent
 * ({@link GradientDescent}) and SGD with momentum ({@link MomentumSgd}); for simple bounds
 * ({@link Box}) a projected Newton-CG ({@link ProjectedNewtonCg}) and L-BFGS-B ({@link LbfgsB}). The settings they share are on
 * {@link Optimizer}.
 *
 * <p>Every optimiser runs on a {@link Manifold}: {@link Euclidean} space by default, or a
 * {@link ProductOfSpheres} (one unit sphere, or N of them for the Thomson problem), where it uses the
 * Riemannian gradient and Hessian and retracts by normalisation. Every run returns an immutable
 * {@link OptimizationHistory}.
 *
 * <pre>{@code
 * OptimizationHistory h = new Lbfgs()
 *         .withStopping(StoppingCriteria.gradientBelow(1e-8))
 *         .minimize(objective, x0);
 * double[] xStar = h.solution();
 * }</pre>
 *
 * <p>{@link QuadraticOnSphere} solves min z^T A z - 2 b^T z on |z| = r exactly (Hager 2001), with
 * the small symmetric eigensolver {@link SymmetricEigen} it needs; {@link SequentialSubspace} solves it
 * for large n from matrix-vector products only.
 *
 * <p>The package is plain Java with no dependencies; optimiser instances are immutable and may be
 * shared between threads, each {@code minimize} call uses its own scratch space.
 */
package dev.wengert.ad.optim;
