package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The seed article's quadratic f(x) = 1/2 x^T A x + b^T x with A = [[5, 1], [1, 3]], b = [-4, 2]
 * (shared/reference/seed-answers.md). Every number is exact in binary up to one rounding of the
 * operations, so the tolerance is 1e-14 absolute on O(1) values.
 */
class SeedArticleTest {
    private static final double[][] A = {{5, 1}, {1, 3}};
    private static final double[] B = {-4, 2};
    private static final double TOL = 1e-14;

    // Written the way the article writes it: quadratic form plus linear term.
    private static Var quadratic(Var[] x) {
        Var xAx = Var.sum(x[0].square().times(A[0][0]), x[0].times(x[1]).times(A[0][1] + A[1][0]),
                x[1].square().times(A[1][1]));
        return xAx.times(0.5).plus(Var.dot(B, x));
    }

    @Test
    void hessianVectorProductIsAv() {
        Recording f = Recordings.scalar(SeedArticleTest::quadratic, 1.5, -1.2);
        double[] hv = new double[2];
        f.hessianVector(new double[] {1.5, -1.2}, new double[] {0.6, -1.0}, hv);
        assertArrayEquals(new double[] {2.0, -2.4}, hv, TOL);
    }

    @Test
    void hessianVectorProductDoesNotDependOnX() {
        double[] hv = Derivatives.hessianVector(SeedArticleTest::quadratic, new double[] {-7, 11}, new double[] {0.6, -1.0});
        assertArrayEquals(new double[] {2.0, -2.4}, hv, TOL);
    }

    @Test
    void gradientAndValueAtX0() {
        Recording f = Recordings.scalar(SeedArticleTest::quadratic, 0, 0);
        double[] g = new double[2];
        double fx = f.gradient(new double[] {2.5, -2.0}, g);
        assertArrayEquals(new double[] {6.5, -1.5}, g, TOL);
        assertEquals(2.625, fx, TOL);
    }

    @Test
    void denseHessianIsA() {
        assertArrayEquals(new double[] {5, 1, 1, 3}, Derivatives.hessian(SeedArticleTest::quadratic, 2.5, -2.0), TOL);
    }

    @Test
    void oneNewtonStepFromX0LandsOnTheMinimiser() {
        double[] x0 = {2.5, -2.0};
        double[] g = Derivatives.gradient(SeedArticleTest::quadratic, x0);
        double[] h = Derivatives.hessian(SeedArticleTest::quadratic, x0);
        double det = h[0] * h[3] - h[1] * h[2];
        double[] step = {(h[3] * g[0] - h[1] * g[1]) / det, (-h[2] * g[0] + h[0] * g[1]) / det};
        double[] x1 = {x0[0] - step[0], x0[1] - step[1]};
        assertArrayEquals(new double[] {1, -1}, x1, TOL);
        assertEquals(-3, Derivatives.value(SeedArticleTest::quadratic, x1), TOL);
    }
}
