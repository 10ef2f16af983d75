package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ProductOfSpheresTest {

    @Test
    void projectionRemovesTheNormalComponentOfEachBlock() {
        ProductOfSpheres m = ProductOfSpheres.of(2, 3);
        double[] x = {1, 0, 0, 0, 0.6, 0.8};
        double[] out = new double[6];
        m.project(x, new double[] {5, 1, 2, 1, 1, 1}, out);
        assertArrayEquals(new double[] {0, 1, 2, 1, 1 - 1.4 * 0.6, 1 - 1.4 * 0.8}, out, 1e-15);
    }

    @Test
    void retractionVelocityIsTheDerivativeOfTheRetraction() {
        ProductOfSpheres m = ProductOfSpheres.of(2, 3);
        double[] x = {1, 0, 0, 0, 0.6, 0.8};
        double[] v = {0, 0.3, -0.2, 0.5, 0.4, -0.3};
        double alpha = 0.7;
        double h = 1e-6;
        double[] up = new double[6];
        double[] down = new double[6];
        double[] velocity = new double[6];
        m.retract(x, v, alpha + h, up);
        m.retract(x, v, alpha - h, down);
        m.retractionVelocity(x, v, alpha, velocity);
        for (int i = 0; i < 6; i++) {
            assertEquals((up[i] - down[i]) / (2 * h), velocity[i], 1e-9);
        }
    }

    @Test
    void riemannianHessianOfTheRayleighQuotientAtAnEigenvector() {
        // f(x) = x^T A x on the sphere; at a unit eigenvector q with eigenvalue l the Riemannian
        // Hessian is u -> 2 (A u - l u) on the tangent space.
        double[] a = {2, 1, 0, 1, 2, 0, 0, 0, 5};
        double l = 3.0;
        double[] q = {Math.sqrt(0.5), Math.sqrt(0.5), 0};
        Quadratic f = new Quadratic(new double[] {4, 2, 0, 2, 4, 0, 0, 0, 10}, new double[3]);   // 1/2 x^T (2A) x
        double[] egrad = new double[3];
        f.gradient(q, egrad);
        double[] u = {Math.sqrt(0.5), -Math.sqrt(0.5), 0.3};   // tangent: u . q = 0
        double[] ehv = new double[3];
        f.hessianVector(q, u, ehv);
        double[] out = new double[3];
        ProductOfSpheres.sphere(3).riemannianHessianVector(q, egrad, ehv, u, out);
        double[] expected = new double[3];
        for (int i = 0; i < 3; i++) {
            double au = a[3 * i] * u[0] + a[3 * i + 1] * u[1] + a[3 * i + 2] * u[2];
            expected[i] = 2 * (au - l * u[i]);
        }
        assertArrayEquals(expected, out, 1e-14);
    }

    @Test
    void newtonCgOnTheSphereFindsTheSmallestEigenvalue() {
        Random random = new Random(9);
        int n = 12;
        double[] a = SymmetricEigenTest.randomSymmetric(n, random);
        double[] twoA = a.clone();
        Vectors.scale(2.0, twoA);
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = random.nextGaussian();
        }
        OptimizationHistory h = new NewtonCg().onManifold(ProductOfSpheres.sphere(n))
                .withStopping(StoppingCriteria.gradientBelow(1e-12))
                .minimize(new Quadratic(twoA, new double[n]), x0);
        assertTrue(h.converged(), h.stopReason().toString());
        assertEquals(SymmetricEigen.of(a, n).value(0), h.last().value(), 1e-12);
    }

    @Test
    void aZeroBlockCannotBeNormalised() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProductOfSpheres.of(2, 3).nearestPoint(new double[] {1, 0, 0, 0, 0, 0}, new double[6]));
        assertTrue(e.getMessage().contains("block 1"), e.getMessage());
    }
}
