package dev.wengert.ad.optim;

/**
 * The global minimiser of a quadratic over a sphere,
 * <pre>
 *   minimise  z^T A z - 2 b^T z   subject to  |z| = r,
 * </pre>
 * after W. W. Hager, "Minimizing a quadratic over a sphere", SIAM J. Optim. 12(1), 2001. With
 * A = Q diag(lambda) Q^T (lambda ascending) and beta = Q^T b, every global minimiser is
 * z = (A - mu I)^+ b + (hard-case term) for a multiplier mu &lt;= lambda_1 (A - mu I is positive
 * semidefinite: the second-order condition that singles out the global minimiser). Writing
 * t = lambda_1 - mu &gt;= 0 and d_i = lambda_i - lambda_1, t solves the secular equation
 * <pre>
 *   psi(t) = sum_i beta_i^2 / (d_i + t)^2 = r^2 .
 * </pre>
 * psi decreases from psi(0+) to 0, so there is one root t &gt; 0 unless beta has no component in the
 * lambda_1 eigenspace and psi(0) &lt;= r^2: that is the <i>hard case</i>, where mu = lambda_1 and z is
 * completed to the sphere along a lambda_1 eigenvector. The root is found by safeguarded Newton on
 * 1/sqrt(psi(t)) - 1/r, which is almost linear in t (Moré and Sorensen's observation), inside a
 * bracket that bisection keeps valid.
 *
 * <pre>{@code
 * QuadraticOnSphere.Solution s = QuadraticOnSphere.minimize(a, b, 1.0);   // a row-major n x n
 * double[] z = s.z();                                                    // |z| = 1
 * }</pre>
 *
 * <p>{@link #minimizeTaylorModel} applies it to the per-point model of the Thomson energy (the
 * step of a PyTorch notebook on the Thomson problem), with the factor 1/2 of the quadratic term kept.
 */
public final class QuadraticOnSphere {

    /** Relative size under which a component of b or a gap between eigenvalues counts as zero. */
    private static final double ZERO = 1e-13;

    private QuadraticOnSphere() {}

    /**
     * A global minimiser and its certificate.
     *
     * @param z the minimiser, |z| = r
     * @param multiplier mu with (A - mu I) z = b and mu &lt;= lambda_min(A)
     * @param value z^T A z - 2 b^T z
     * @param hardCase true when mu = lambda_min and z needed the eigenvector term (then -that term is optimal too)
     */
    public record Solution(double[] z, double multiplier, double value, boolean hardCase) {
        /**
         * Copies {@code z}, so the record stays immutable.
         *
         * @param z the minimiser, |z| = r
         * @param multiplier mu with (A - mu I) z = b and mu &lt;= lambda_min(A)
         * @param value z^T A z - 2 b^T z
         * @param hardCase true when mu = lambda_min and z needed the eigenvector term (then -that term is optimal too)
         */
        public Solution {
            z = z.clone();
        }

        /**
         * A copy of the minimiser.
         *
         * @return a new array
         */
        @Override
        public double[] z() {
            return z.clone();
        }
    }

    /**
     * Minimises z^T A z - 2 b^T z over |z| = radius.
     *
     * @param a symmetric matrix, row-major n x n
     * @param b vector of length n
     * @param radius sphere radius, positive
     * @return the global minimiser with its multiplier
     * @throws IllegalArgumentException on mismatched sizes, a non-symmetric or non-finite A, non-finite b,
     *     or a radius that is not positive
     */
    public static Solution minimize(double[] a, double[] b, double radius) {
        int n = b.length;
        if (n < 1 || a.length != n * n) {
            throw new IllegalArgumentException("A must be n x n for b of length n = " + n + ", got " + a.length
                    + " entries");
        }
        if (!(radius > 0.0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be positive and finite, got " + radius);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(b[i])) {
                throw new IllegalArgumentException("b[" + i + "] = " + b[i] + " is not finite");
            }
        }
        SymmetricEigen eigen = SymmetricEigen.of(a, n);
        double[] lambda = eigen.values();
        double[] beta = eigen.toEigenbasis(b);
        double bNorm = Vectors.norm(b);
        double lambdaScale = Math.max(Math.abs(lambda[0]), Math.abs(lambda[n - 1]));

        double[] d = new double[n];
        boolean bottomEmpty = true;      // beta has no component in the lambda_1 eigenspace
        double psiAtZero = 0.0;          // psi(0) over the other eigenvalues
        for (int i = 0; i < n; i++) {
            d[i] = lambda[i] - lambda[0];
            if (Math.abs(beta[i]) <= ZERO * bNorm) {
                beta[i] = 0.0;           // rounding noise of Q^T b, not a component
            }
            if (d[i] <= ZERO * lambdaScale) {
                d[i] = 0.0;
                bottomEmpty &= beta[i] == 0.0;
            } else {
                psiAtZero += square(beta[i] / d[i]);
            }
        }

        double[] y = new double[n];      // the minimiser in eigenvector coordinates
        double t;
        boolean hard = bottomEmpty && psiAtZero <= radius * radius;
        if (hard) {
            t = 0.0;
            for (int i = 0; i < n; i++) {
                y[i] = d[i] == 0.0 ? 0.0 : beta[i] / d[i];
            }
            y[0] = Math.sqrt(Math.max(0.0, radius * radius - psiAtZero));
        } else {
            t = secularRoot(beta, d, radius, bNorm);
            for (int i = 0; i < n; i++) {
                y[i] = beta[i] / (d[i] + t);
            }
            Vectors.scale(radius / Vectors.norm(y), y);   // removes the root's last-bit error from |z|
        }
        double value = 0.0;
        for (int i = 0; i < n; i++) {
            value += lambda[i] * y[i] * y[i] - 2.0 * beta[i] * y[i];
        }
        return new Solution(eigen.fromEigenbasis(y), lambda[0] - t, value, hard);
    }

    /**
     * Minimises the second-order Taylor model of f about x over the sphere |z| = radius:
     * <pre>
     *   m(z) = f(x) + g^T (z - x) + 1/2 (z - x)^T H (z - x)
     *        = const + 1/2 (z^T H z - 2 (H x - g)^T z).
     * </pre>
     * Minimising m is Hager's problem with A = H and b = H x - g. (A PyTorch notebook on the Thomson problem writes the model
     * as C + 1/2 z^T A z - 2 b^T z with b = (H x - g)/2 and then hands that b to Hager's problem,
     * which silently doubles the weight of the quadratic term: the b passed on must be H x - g.)
     *
     * @param hessian H, row-major n x n, symmetric
     * @param gradient g = grad f(x)
     * @param x the expansion point
     * @param radius the sphere radius, positive
     * @return the minimiser of the model, with its multiplier
     */
    public static Solution minimizeTaylorModel(double[] hessian, double[] gradient, double[] x, double radius) {
        int n = x.length;
        if (gradient.length != n || hessian.length != n * n) {
            throw new IllegalArgumentException("need H of " + n * n + " entries and g of length " + n
                    + " for x of length " + n + ", got " + hessian.length + " and " + gradient.length);
        }
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double hx = 0.0;
            for (int j = 0; j < n; j++) {
                hx += hessian[i * n + j] * x[j];
            }
            b[i] = hx - gradient[i];
        }
        return minimize(hessian, b, radius);
    }

    /** The t &gt; 0 with psi(t) = r^2, given that psi(0+) &gt; r^2. */
    private static double secularRoot(double[] beta, double[] d, double radius, double bNorm) {
        // psi(t) <= |b|^2 / t^2 gives the upper end; psi(t) >= beta_i^2 / (d_i + t)^2 the lower.
        double hi = bNorm / radius;
        double lo = 0.0;
        for (int i = 0; i < beta.length; i++) {
            lo = Math.max(lo, Math.abs(beta[i]) / radius - d[i]);
        }
        double inverseRadius = 1.0 / radius;
        double t = lo > 0.0 ? lo : 0.5 * hi;
        for (int iteration = 0; iteration < 200; iteration++) {
            double psi = 0.0;
            double slopeSum = 0.0;      // sum beta_i^2 / (d_i + t)^3
            for (int i = 0; i < beta.length; i++) {
                if (beta[i] != 0.0) {
                    double q = beta[i] / (d[i] + t);
                    psi += q * q;
                    slopeSum += q * q / (d[i] + t);
                }
            }
            double phi = 1.0 / Math.sqrt(psi) - inverseRadius;   // increasing in t, zero at the root
            if (phi == 0.0) {
                return t;
            }
            if (phi < 0.0) {
                lo = t;
            } else {
                hi = t;
            }
            if (hi - lo <= 4.0 * Math.ulp(hi)) {
                return 0.5 * (lo + hi);
            }
            double slope = slopeSum / (psi * Math.sqrt(psi));
            double next = t - phi / slope;
            if (!(next > lo && next < hi) || !Double.isFinite(next)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - t) <= 2.0 * Math.ulp(t)) {
                return next;
            }
            t = next;
        }
        return t;
    }

    private static double square(double v) {
        return v * v;
    }
}
