package dev.wengert.ad.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The sphere problem of {@link QuadraticOnSphere}, min x^T A x - 2 b^T x on |x| = r, for large n with
 * products A v only: Hager's sequential subspace method (Hager 2001, section 5; Hager and Park 2005).
 * Each iteration minimises over the sphere within a small subspace that holds the iterate x, the
 * gradient A x - b, the previous iterate, and an estimate v of the eigenvector of the smallest
 * eigenvalue with its residual and its previous value (a locally optimal update of v, as in LOBPCG);
 * the small problem is solved exactly by {@link QuadraticOnSphere}. The eigenvector estimate is what
 * carries the method through the hard case, where b has no component along it.
 *
 * <pre>{@code
 * QuadraticOnSphere.Solution s = SequentialSubspace.minimize((v, out) -> hvp(v, out), b, 1.0, 1e-10, 10_000);
 * }</pre>
 */
public final class SequentialSubspace {

    private SequentialSubspace() {}

    /**
     * Minimises x^T A x - 2 b^T x over |x| = radius.
     *
     * @param a the symmetric matrix A, applied by products only
     * @param b the vector b
     * @param radius the sphere's radius, positive and finite
     * @param tolerance relative accuracy: stop when |(A - mu I) x - b| and the eigenvector residual
     *     are at most this times |b| + (|mu| + |A|) r, |A| estimated from the Ritz values
     * @param maxIterations iteration limit (each costs at most six products)
     * @return the minimiser with its multiplier mu; {@code hardCase} as reported by the last subspace problem
     * @throws IllegalArgumentException on a radius that is not positive and finite, a non-finite b,
     *     a tolerance that is not positive, or too few iterations to converge
     */
    public static QuadraticOnSphere.Solution minimize(SteihaugCg.Operator a, double[] b, double radius,
                                                      double tolerance, int maxIterations) {
        if (!(radius > 0.0) || Double.isInfinite(radius)) {
            throw new IllegalArgumentException("radius must be positive and finite, got " + radius);
        }
        if (!(tolerance > 0.0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        int n = b.length;
        double bNorm = Vectors.norm(b);
        if (!Double.isFinite(bNorm)) {
            throw new IllegalArgumentException("b must be finite");
        }
        SplittableRandom random = new SplittableRandom(1);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextDouble() - 0.5;
        }
        Vectors.scale(1.0 / Vectors.norm(v), v);
        double[] x = bNorm > 0.0 ? b.clone() : v.clone();
        Vectors.scale(radius / Vectors.norm(x), x);
        double[] ax = apply(a, x);
        double[] av = apply(a, v);
        double[] xPrevious = null;
        double[] vPrevious = null;
        double normEstimate = 0.0;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            double theta = Vectors.dot(v, av);
            double[] gradient = new double[n];
            double[] eigenResidual = new double[n];
            for (int i = 0; i < n; i++) {
                gradient[i] = ax[i] - b[i];
                eigenResidual[i] = av[i] - theta * v[i];
            }
            List<double[]> basis = orthonormal(List.of(x, v, gradient, eigenResidual),
                    xPrevious, vPrevious);
            int k = basis.size();
            List<double[]> images = new ArrayList<>(k);
            for (double[] q : basis) {
                images.add(apply(a, q));
            }
            double[] h = new double[k * k];
            double[] c = new double[k];
            for (int i = 0; i < k; i++) {
                c[i] = Vectors.dot(basis.get(i), b);
                for (int j = 0; j <= i; j++) {
                    double hij = 0.5 * (Vectors.dot(basis.get(i), images.get(j)) + Vectors.dot(basis.get(j), images.get(i)));
                    h[i * k + j] = hij;
                    h[j * k + i] = hij;
                }
            }
            QuadraticOnSphere.Solution small = QuadraticOnSphere.minimize(h, c, radius);
            SymmetricEigen ritz = SymmetricEigen.of(h, k);
            normEstimate = Math.max(normEstimate, Math.max(Math.abs(ritz.value(0)), Math.abs(ritz.value(k - 1))));
            xPrevious = x;
            vPrevious = v;
            x = combine(basis, small.z());
            ax = combine(images, small.z());
            v = combine(basis, ritz.vector(0));
            av = combine(images, ritz.vector(0));
            double mu = small.multiplier();
            double residual = 0.0;
            double eigen = 0.0;
            double vTheta = Vectors.dot(v, av);
            for (int i = 0; i < n; i++) {
                residual += square(ax[i] - mu * x[i] - b[i]);
                eigen += square(av[i] - vTheta * v[i]);
            }
            double scale = bNorm + (Math.abs(mu) + normEstimate) * radius;
            if (Math.sqrt(residual) <= tolerance * scale && Math.sqrt(eigen) * radius <= tolerance * scale) {
                return new QuadraticOnSphere.Solution(x, mu, Vectors.dot(x, ax) - 2.0 * Vectors.dot(b, x),
                        small.hardCase());
            }
        }
        throw new IllegalArgumentException("the sequential subspace method did not reach the relative tolerance "
                + tolerance + " in " + maxIterations + " iterations; allow more iterations (the eigenvalue gap "
                + "at the bottom of A's spectrum sets the rate) or a looser tolerance");
    }

    /** Gram-Schmidt, twice, over the vectors that are not null; drops those that add no new direction. */
    private static List<double[]> orthonormal(List<double[]> first, double[] xPrevious, double[] vPrevious) {
        List<double[]> candidates = new ArrayList<>(first);
        if (xPrevious != null) {
            candidates.add(xPrevious);
            candidates.add(vPrevious);
        }
        List<double[]> basis = new ArrayList<>();
        for (double[] candidate : candidates) {
            double[] q = candidate.clone();
            double original = Vectors.norm(q);
            if (!(original > 0.0)) {
                continue;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (double[] e : basis) {
                    Vectors.axpy(-Vectors.dot(e, q), e, q);
                }
            }
            double norm = Vectors.norm(q);
            if (norm > 1e-10 * original) {
                Vectors.scale(1.0 / norm, q);
                basis.add(q);
            }
        }
        return basis;
    }

    private static double[] combine(List<double[]> vectors, double[] coefficients) {
        double[] out = new double[vectors.get(0).length];
        for (int j = 0; j < coefficients.length; j++) {
            Vectors.axpy(coefficients[j], vectors.get(j), out);
        }
        return out;
    }

    private static double[] apply(SteihaugCg.Operator a, double[] v) {
        double[] out = new double[v.length];
        a.apply(v, out);
        return out;
    }

    private static double square(double v) {
        return v * v;
    }
}
