package dev.wengert.ad.optim;

/**
 * A Riemannian submanifold of R^n on which the optimisers can run: the tangent projection, a
 * retraction (how to move along a tangent vector and stay on the manifold), and the correction that
 * turns a Euclidean Hessian-vector product into a Riemannian one.
 *
 * <p>All vectors are in ambient coordinates (length n). Optimisers keep their iterates on the
 * manifold, their gradients and steps in the tangent space at the current point.
 *
 * <pre>{@code
 * Manifold m = ProductOfSpheres.of(12, 3);                // 12 points on the unit sphere
 * OptimizationHistory h = new NewtonCg().onManifold(m).minimize(thomsonEnergy, x0);
 * }</pre>
 */
public interface Manifold {

    /**
     * Throws {@link IllegalArgumentException} when the ambient dimension n does not fit.
     *
     * @param n the ambient dimension
     */
    void checkDimension(int n);

    /**
     * Writes the point of the manifold nearest x (used once on the starting point) into out.
     *
     * @param x a point of the ambient space
     * @param out output: the nearest point of the manifold
     */
    void nearestPoint(double[] x, double[] out);

    /**
     * Writes the orthogonal projection of v onto the tangent space at x into out (out may be v).
     *
     * @param x a point of the manifold
     * @param v an ambient vector
     * @param out output: the projection
     */
    void project(double[] x, double[] v, double[] out);

    /**
     * Writes R_x(alpha v), the retraction of the tangent step alpha v, into out.
     *
     * @param x a point of the manifold
     * @param v a tangent vector at x
     * @param alpha the step length
     * @param out output: the new point
     */
    void retract(double[] x, double[] v, double alpha, double[] out);

    /**
     * Writes d/d alpha R_x(alpha v) into out: the velocity of the retraction curve, so that a line
     * search can compute the exact slope of f along it.
     *
     * @param x a point of the manifold
     * @param v a tangent vector at x
     * @param alpha the step length
     * @param out output: the velocity
     */
    void retractionVelocity(double[] x, double[] v, double alpha, double[] out);

    /**
     * Writes the Riemannian Hessian of f at x applied to the tangent vector u into out, from the
     * Euclidean gradient {@code egrad} and the Euclidean Hessian-vector product {@code ehv} = H u.
     * On a sphere this is P_x(H u) - (x . egrad) u.
     *
     * @param x a point of the manifold
     * @param egrad the Euclidean gradient at x
     * @param ehv the Euclidean Hessian-vector product H u
     * @param u the tangent vector
     * @param out output: the Riemannian Hessian applied to u
     */
    void riemannianHessianVector(double[] x, double[] egrad, double[] ehv, double[] u, double[] out);

    /**
     * True for flat R^n, where projection and retraction are trivial and may be skipped.
     *
     * @return true for R^n
     */
    default boolean isEuclidean() {
        return false;
    }
}
