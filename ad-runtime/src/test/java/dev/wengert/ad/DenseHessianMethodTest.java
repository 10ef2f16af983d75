package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The dense Hessian's two methods: edge pushing where second-order adjoints stay sparse (a pair energy), the
 * vector mode where they grow dense (a chain of binary sums), each against a closed form and against the
 * columns of the Hessian-vector product (an independent sweep); the choice is made once and kept.
 */
class DenseHessianMethodTest {

    // Edge pushing and forward-over-reverse sum the same products in different orders: a few ulps of the
    // largest entry of a row.
    private static final double RTOL = 1e-13;

    private static Var pairEnergy(Var[] p) {
        List<Var> terms = new ArrayList<>();
        for (int i = 0; i < p.length / 3; i++) {
            for (int j = i + 1; j < p.length / 3; j++) {
                Var dx = p[3 * i].minus(p[3 * j]);
                Var dy = p[3 * i + 1].minus(p[3 * j + 1]);
                Var dz = p[3 * i + 2].minus(p[3 * j + 2]);
                terms.add(dx.times(dx).plus(dy.times(dy)).plus(dz.times(dz)).sqrt().reciprocal());
            }
        }
        return Var.sum(terms);
    }

    // x_0 x_1 ... x_{n-1} as a chain of binary products: every partial product's second-order adjoints reach
    // all later inputs, so edge pushing does O(n^2) work per sweep, more than the vector mode's.
    private static Var productChain(Var[] x) {
        Var p = x[0];
        for (int i = 1; i < x.length; i++) p = p.times(x[i]);
        return p;
    }

    // Entries +-1, so that every product is exact: d2 (prod x) / dx_i dx_j = prod / (x_i x_j) for i != j, 0 on
    // the diagonal.
    private static double[] signs(int n, int period) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i % period == 0 ? -1 : 1;
        return x;
    }

    private static double[] productChainHessian(double[] x) {
        int n = x.length;
        double product = 1;
        for (double xi : x) product *= xi;
        double[] h = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) h[i * n + j] = i == j ? 0 : product * x[i] * x[j];
        }
        return h;
    }

    private static double[] randomPoints(int count, long seed) {
        Random r = new Random(seed);
        double[] x = new double[3 * count];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return x;
    }

    @Test
    void aPairEnergyKeepsEdgePushingAndMatchesItsClosedForm() {
        double[] x = randomPoints(7, 1);
        int n = x.length;
        Recording r = Tape.record(DenseHessianMethodTest::pairEnergy, x);
        assertNull(r.denseHessianByEdgePushing(), "undecided before the first call");
        double[] h = new double[n * n];
        r.hessian(x, h);
        assertEquals(Boolean.TRUE, r.denseHessianByEdgePushing());

        // closed form: for the pair (i, j) with d = p_i - p_j, r = |d|, the block d2(1/r)/dp_i dp_i is
        // 3 d d^T / r^5 - I / r^3, the (i, j) block its negative
        double[] expected = new double[n * n];
        for (int i = 0; i < n / 3; i++) {
            for (int j = i + 1; j < n / 3; j++) {
                double[] d = {x[3 * i] - x[3 * j], x[3 * i + 1] - x[3 * j + 1], x[3 * i + 2] - x[3 * j + 2]};
                double rr = Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
                for (int a = 0; a < 3; a++) {
                    for (int b = 0; b < 3; b++) {
                        double block = 3 * d[a] * d[b] / Math.pow(rr, 5) - (a == b ? 1 / Math.pow(rr, 3) : 0);
                        expected[(3 * i + a) * n + 3 * i + b] += block;
                        expected[(3 * j + a) * n + 3 * j + b] += block;
                        expected[(3 * i + a) * n + 3 * j + b] -= block;
                        expected[(3 * j + a) * n + 3 * i + b] -= block;
                    }
                }
            }
        }
        Close.assertCloseToScale(expected, h, 1e-12, "pair energy Hessian vs closed form");
        assertMatchesHessianVectorColumns(r, x, h);
    }

    @Test
    void aDenseChainFallsBackToVectorModeAndMatchesItsClosedForm() {
        int n = 300;
        double[] x = signs(n, 3);
        Recording r = Tape.record(DenseHessianMethodTest::productChain, x);
        double[] h = new double[n * n];
        r.hessian(x, h);
        assertEquals(Boolean.FALSE, r.denseHessianByEdgePushing(), "edge pushing would cost more than the vector mode");
        assertArrayEquals(productChainHessian(x), h, "exact: every product is of +-1");
        double[] y = signs(n, 7);
        r.hessian(y, h);
        assertArrayEquals(productChainHessian(y), h, "the choice is kept");
        assertEquals(Boolean.FALSE, r.denseHessianByEdgePushing());
    }

    @Test
    void everyCallOfOneRecordingGivesTheSameBitsOnAnyThread() throws Exception {
        double[] x = randomPoints(10, 3);
        int n = x.length;
        Recording reference = Tape.record(DenseHessianMethodTest::pairEnergy, x);
        double[] expected = new double[n * n];
        reference.hessian(x, expected, 1);

        Recording fresh = Tape.record(DenseHessianMethodTest::pairEnergy, x);   // undecided: threads race to decide
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                int threads = 1 + k % 3;
                results.add(pool.submit(() -> {
                    double[] h = new double[n * n];
                    fresh.hessian(x, h, threads);
                    return h;
                }));
            }
            for (Future<double[]> f : results) assertArrayEquals(expected, f.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void badArgumentsAreRejectedBeforeTheChoiceIsMade() {
        double[] x = randomPoints(3, 4);
        Recording r = Tape.record(DenseHessianMethodTest::pairEnergy, x);
        assertThrows(DimensionMismatchException.class, () -> r.hessian(x, new double[5]));
        double[] nan = x.clone();
        nan[2] = Double.NaN;
        assertThrows(NonFiniteException.class, () -> r.hessian(nan, new double[x.length * x.length]));
        assertNull(r.denseHessianByEdgePushing(), "a rejected call decides nothing");
    }

    private static void assertMatchesHessianVectorColumns(Recording r, double[] x, double[] h) {
        int n = x.length;
        double[] e = new double[n];
        double[] column = new double[n];
        double[] hColumn = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = 1;
            r.hessianVector(x, e, column);
            e[j] = 0;
            for (int i = 0; i < n; i++) hColumn[i] = h[i * n + j];
            Close.assertCloseToScale(column, hColumn, RTOL, "column " + j + " vs hessianVector");
        }
    }
}
