package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hager's solver against brute force, against constructed hard cases, and its optimality certificate. */
class QuadraticOnSphereTest {

    private static double value(double[] a, double[] b, double[] z) {
        int n = b.length;
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            double az = 0.0;
            for (int j = 0; j < n; j++) {
                az += a[i * n + j] * z[j];
            }
            s += z[i] * az - 2.0 * b[i] * z[i];
        }
        return s;
    }

    private static double scale(double[] a, double[] b, double r) {
        double m = 0.0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m * r * r + Vectors.norm(b) * r;
    }

    /** |z| = r, (A - mu I) z = b, and A - mu I positive semidefinite: the global optimality conditions. */
    private static void assertCertificate(double[] a, double[] b, double r, QuadraticOnSphere.Solution s) {
        int n = b.length;
        double[] z = s.z();
        double sc = scale(a, b, r);
        assertEquals(r, Vectors.norm(z), 1e-13 * r, "on the sphere");
        for (int i = 0; i < n; i++) {
            double res = -s.multiplier() * z[i] - b[i];
            for (int j = 0; j < n; j++) {
                res += a[i * n + j] * z[j];
            }
            assertEquals(0.0, res, 1e-10 * sc / r, "stationarity row " + i);
        }
        assertNotNull(Cholesky.tryFactor(a, n, -s.multiplier() + 1e-9 * sc / (r * r)), "A - mu I must be PSD");
        assertEquals(value(a, b, z), s.value(), 1e-12 * sc, "reported value");
    }

    @Test
    void matchesDenseSamplingOfTheSphereOnRandom3x3Problems() {
        Random random = new Random(42);
        int samples = 200_000;
        for (int trial = 0; trial < 20; trial++) {
            double[] a = SymmetricEigenTest.randomSymmetric(3, random);
            double[] b = {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()};
            double r = 0.5 + 2 * random.nextDouble();
            QuadraticOnSphere.Solution s = QuadraticOnSphere.minimize(a, b, r);
            double brute = Double.POSITIVE_INFINITY;
            for (int k = 0; k < samples; k++) {     // Fibonacci sphere: near-uniform sample points
                double zc = 1 - 2 * (k + 0.5) / samples;
                double rho = Math.sqrt(1 - zc * zc);
                double phi = k * Math.PI * (3 - Math.sqrt(5));
                double[] z = {r * rho * Math.cos(phi), r * rho * Math.sin(phi), r * zc};
                brute = Math.min(brute, value(a, b, z));
            }
            double sc = scale(a, b, r);
            assertTrue(s.value() <= brute + 1e-12 * sc, "solver above a sample, trial " + trial);
            assertTrue(brute - s.value() < 1e-3 * sc, "solver far below every sample, trial " + trial);
            assertCertificate(a, b, r, s);
        }
    }

    @Test
    void matchesMultiStartRiemannianSearchOnRandom10x10Problems() {
        Random random = new Random(5);
        int n = 10;
        for (int trial = 0; trial < 10; trial++) {
            double[] a = SymmetricEigenTest.randomSymmetric(n, random);
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                b[i] = random.nextGaussian();
            }
            double r = 0.5 + 2 * random.nextDouble();
            QuadraticOnSphere.Solution s = QuadraticOnSphere.minimize(a, b, r);
            double best = Double.POSITIVE_INFINITY;
            Objective q = sphereQuadratic(a, b, r);
            for (int start = 0; start < 30; start++) {
                double[] u0 = new double[n];
                for (int i = 0; i < n; i++) {
                    u0[i] = random.nextGaussian();
                }
                OptimizationHistory h = new Lbfgs().onManifold(ProductOfSpheres.sphere(n))
                        .withStopping(StoppingCriteria.gradientBelow(1e-10)).minimize(q, u0);
                best = Math.min(best, h.last().value());
            }
            double sc = scale(a, b, r);
            assertTrue(s.value() <= best + 1e-10 * sc, "a local search beat the solver, trial " + trial);
            assertTrue(best - s.value() < 1e-9 * sc, "no start found the solver's value, trial " + trial);
            assertCertificate(a, b, r, s);
        }
    }

    /** u -> (r u)^T A (r u) - 2 b^T (r u) on the unit sphere, with hand-written derivatives. */
    private static Objective sphereQuadratic(double[] a, double[] b, double r) {
        int n = b.length;
        return new Objective() {
            public double value(double[] u) {
                double[] z = u.clone();
                Vectors.scale(r, z);
                return QuadraticOnSphereTest.value(a, b, z);
            }

            public double gradient(double[] u, double[] g) {
                for (int i = 0; i < n; i++) {
                    double au = 0.0;
                    for (int j = 0; j < n; j++) {
                        au += a[i * n + j] * u[j];
                    }
                    g[i] = 2 * r * r * au - 2 * r * b[i];
                }
                return value(u);
            }

            public void hessianVector(double[] u, double[] v, double[] hv) {
                for (int i = 0; i < n; i++) {
                    double av = 0.0;
                    for (int j = 0; j < n; j++) {
                        av += a[i * n + j] * v[j];
                    }
                    hv[i] = 2 * r * r * av;
                }
            }

            public void hessian(double[] u, double[] h) {
                for (int i = 0; i < n * n; i++) {
                    h[i] = 2 * r * r * a[i];
                }
            }
        };
    }

    /** A random orthogonal matrix by Gram-Schmidt, independent of the eigensolver; rows are the basis. */
    private static double[][] randomOrthogonal(int n, Random random) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = random.nextGaussian();
            }
            for (int k = 0; k < i; k++) {
                Vectors.axpy(-Vectors.dot(q[i], q[k]), q[k], q[i]);
            }
            Vectors.scale(1.0 / Vectors.norm(q[i]), q[i]);
        }
        return q;
    }

    /** A = sum lambda_i q_i q_i^T and b = sum beta_i q_i. */
    private static double[] compose(double[][] q, double[] lambda, double[] beta, double[] bOut) {
        int n = lambda.length;
        double[] a = new double[n * n];
        for (int k = 0; k < n; k++) {
            Vectors.axpy(beta[k], q[k], bOut);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i * n + j] += lambda[k] * q[k][i] * q[k][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {      // exact symmetry, as a caller's matrix would have
            for (int j = 0; j < i; j++) {
                a[j * n + i] = a[i * n + j];
            }
        }
        return a;
    }

    private static double hardCaseValue(double[] lambda, double[] beta, int bottom, double r) {
        double value = 0.0;
        double rest = 0.0;
        for (int i = bottom; i < lambda.length; i++) {
            double y = beta[i] / (lambda[i] - lambda[0]);
            rest += y * y;
            value += lambda[i] * y * y - 2 * beta[i] * y;
        }
        return value + lambda[0] * (r * r - rest);
    }

    @Test
    void constructedHardCasesAreSolvedExactly() {
        Random random = new Random(11);
        for (int n : new int[] {3, 10}) {
            for (int bottom : new int[] {1, 2}) {        // multiplicity of the smallest eigenvalue
                double[][] q = randomOrthogonal(n, random);
                double[] lambda = new double[n];
                double[] beta = new double[n];
                lambda[0] = -1.0 - random.nextDouble();
                for (int i = 1; i < n; i++) {
                    lambda[i] = i < bottom ? lambda[0] : lambda[0] + 0.5 + i;
                    beta[i] = i < bottom ? 0.0 : 0.1 * random.nextGaussian();
                }
                double[] b = new double[n];
                double[] a = compose(q, lambda, beta, b);
                double r = 1.0;
                QuadraticOnSphere.Solution s = QuadraticOnSphere.minimize(a, b, r);
                assertTrue(s.hardCase(), "n = " + n + ", multiplicity " + bottom);
                assertEquals(lambda[0], s.multiplier(), 1e-12);
                assertEquals(hardCaseValue(lambda, beta, bottom, r), s.value(), 1e-12, "n = " + n);
                assertCertificate(a, b, r, s);
            }
        }
    }

    @Test
    void nearlyHardCaseIsContinuousWithTheHardCase() {
        Random random = new Random(3);
        int n = 10;
        double[][] q = randomOrthogonal(n, random);
        double[] lambda = new double[n];
        double[] beta = new double[n];
        lambda[0] = -2.0;
        for (int i = 1; i < n; i++) {
            lambda[i] = lambda[0] + i;
            beta[i] = 0.05 * random.nextGaussian();
        }
        double hard = hardCaseValue(lambda, beta, 1, 1.0);
        for (double tiny : new double[] {1e-4, 1e-8, 1e-11}) {
            beta[0] = tiny;
            double[] b = new double[n];
            double[] a = compose(q, lambda, beta, b);
            QuadraticOnSphere.Solution s = QuadraticOnSphere.minimize(a, b, 1.0);
            assertFalse(s.hardCase(), "beta_1 = " + tiny);
            assertTrue(Math.abs(s.value() - hard) <= 10 * tiny, "beta_1 = " + tiny + ": " + s.value() + " vs " + hard);
            assertCertificate(a, b, 1.0, s);
        }
    }

    @Test
    void zeroLinearTermGivesTheSmallestEigenvector() {
        double[] a = {2, 1, 0, 1, 2, 0, 0, 0, 5};
        QuadraticOnSphere.Solution s = QuadraticOnSphere.minimize(a, new double[3], 2.0);
        assertEquals(1.0 * 4.0, s.value(), 1e-13);      // lambda_min r^2
        assertEquals(1.0, s.multiplier(), 1e-14);
    }

    @Test
    void rejectsMismatchedDimensionsAndBadRadius() {
        assertThrows(IllegalArgumentException.class,
                () -> QuadraticOnSphere.minimize(new double[] {1, 0, 0, 1}, new double[] {1, 2, 3}, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> QuadraticOnSphere.minimize(new double[] {1, 0, 0, 1}, new double[] {1, 2}, 0.0));
        assertThrows(IllegalArgumentException.class,
                () -> QuadraticOnSphere.minimize(new double[] {1, 0, 0, 1}, new double[] {1, Double.NaN}, 1.0));
    }
}
