package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The seed notebook's step for one Thomson point: expand the energy as a function of that point z
 * (the others fixed) to second order about its current position x, and minimise the model on the
 * unit sphere. These tests derive the model's Hager form and show the notebook's b is off by 1/2.
 */
class TaylorModelOnSphereTest {

    /** Energy of point z against fixed others (the only part of E that depends on z), with derivatives. */
    private static final double[][] OTHERS = {{0.0, 0.0, 1.0}, {0.9, 0.1, -0.42}, {-0.5, 0.8, 0.33}, {0.1, -0.95, 0.29}};

    private static double energy(double[] z) {
        double e = 0.0;
        for (double[] p : OTHERS) {
            e += 1.0 / Math.sqrt(sq(z[0] - p[0]) + sq(z[1] - p[1]) + sq(z[2] - p[2]));
        }
        return e;
    }

    private static void gradientAndHessian(double[] z, double[] g, double[] h) {
        for (double[] p : OTHERS) {
            double[] r = {z[0] - p[0], z[1] - p[1], z[2] - p[2]};
            double d2 = sq(r[0]) + sq(r[1]) + sq(r[2]);
            double d = Math.sqrt(d2);
            for (int a = 0; a < 3; a++) {
                g[a] -= r[a] / (d2 * d);
                for (int b = 0; b < 3; b++) {
                    h[3 * a + b] += (a == b ? -1.0 / (d2 * d) : 0.0) + 3 * r[a] * r[b] / (d2 * d2 * d);
                }
            }
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    private static final double[] X = normalise(new double[] {0.3, 0.2, -0.9});

    private static double[] normalise(double[] v) {
        double n = Vectors.norm(v);
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }

    /** The Taylor model m(z) = f(x) + g.(z - x) + 1/2 (z - x)^T H (z - x). */
    private static double model(double[] g, double[] h, double[] z) {
        double[] s = {z[0] - X[0], z[1] - X[1], z[2] - X[2]};
        double q = 0.0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                q += s[a] * h[3 * a + b] * s[b];
            }
        }
        return energy(X) + Vectors.dot(g, s) + 0.5 * q;
    }

    @Test
    void modelMatchesTheEnergyToThirdOrder() {
        double[] g = new double[3];
        double[] h = new double[9];
        gradientAndHessian(X, g, h);
        double[] u = normalise(new double[] {1, -2, 0.5});
        double previous = Double.NaN;
        for (double step : new double[] {1e-2, 5e-3, 2.5e-3}) {
            double[] z = {X[0] + step * u[0], X[1] + step * u[1], X[2] + step * u[2]};
            double error = Math.abs(energy(z) - model(g, h, z));
            if (!Double.isNaN(previous)) {
                assertEquals(8.0, previous / error, 1.0, "halving the step must divide the error by ~8");
            }
            previous = error;
        }
    }

    @Test
    void hagerFormOfTheModelUsesBEqualToHxMinusG() {
        // 2 (m(z) - const) = z^T H z - 2 (H x - g)^T z: check the identity at random points.
        double[] g = new double[3];
        double[] h = new double[9];
        gradientAndHessian(X, g, h);
        double[] b = new double[3];
        for (int a = 0; a < 3; a++) {
            b[a] = h[3 * a] * X[0] + h[3 * a + 1] * X[1] + h[3 * a + 2] * X[2] - g[a];
        }
        double[][] zs = {{1, 0, 0}, {0.2, -0.4, 0.7}, {-1.1, 0.3, 0.05}};
        double[] diffs = new double[zs.length];
        for (int k = 0; k < zs.length; k++) {
            double[] z = zs[k];
            double zhz = 0.0;
            for (int a = 0; a < 3; a++) {
                for (int c = 0; c < 3; c++) {
                    zhz += z[a] * h[3 * a + c] * z[c];
                }
            }
            diffs[k] = 2 * model(g, h, z) - (zhz - 2 * Vectors.dot(b, z));
        }
        assertEquals(diffs[0], diffs[1], 1e-12);   // the difference is the constant 2C
        assertEquals(diffs[0], diffs[2], 1e-12);
    }

    @Test
    void solverMinimisesTheTrueModelAndTheNotebooksHalfBDoesNot() {
        double[] g = new double[3];
        double[] h = new double[9];
        gradientAndHessian(X, g, h);
        QuadraticOnSphere.Solution ours = QuadraticOnSphere.minimizeTaylorModel(h, g, X, 1.0);

        double[] halfB = new double[3];
        for (int a = 0; a < 3; a++) {
            halfB[a] = 0.5 * (h[3 * a] * X[0] + h[3 * a + 1] * X[1] + h[3 * a + 2] * X[2] - g[a]);
        }
        QuadraticOnSphere.Solution notebook = QuadraticOnSphere.minimize(h, halfB, 1.0);

        double brute = Double.POSITIVE_INFINITY;
        int samples = 400_000;
        for (int k = 0; k < samples; k++) {
            double zc = 1 - 2 * (k + 0.5) / samples;
            double rho = Math.sqrt(1 - zc * zc);
            double phi = k * Math.PI * (3 - Math.sqrt(5));
            brute = Math.min(brute, model(g, h, new double[] {rho * Math.cos(phi), rho * Math.sin(phi), zc}));
        }
        double modelScale = 1.0 + Math.abs(brute);
        assertTrue(model(g, h, ours.z()) <= brute + 1e-12 * modelScale, "ours is the model's minimiser");
        assertTrue(brute - model(g, h, ours.z()) < 1e-4 * modelScale);
        assertTrue(model(g, h, notebook.z()) > brute + 1e-3 * modelScale,
                "the notebook's b = (Hx - g)/2 minimises a different model");
    }
}
