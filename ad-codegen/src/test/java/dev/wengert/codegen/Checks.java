package dev.wengert.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wengert.ad.Objective;

/** Assertions on an {@link Objective}: closeness, finite differences, internal consistency. */
final class Checks {

    private Checks() {
    }

    /** |a - e| <= tol * max(1, |e|) entry by entry. */
    static void assertClose(double[] expected, double[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int k = 0; k < expected.length; k++) {
            assertClose(expected[k], actual[k], tol, what + "[" + k + "]");
        }
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        double scale = Math.max(1, Math.abs(expected));
        if (!(Math.abs(expected - actual) <= tol * scale)) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }

    /** Central differences of f.value. */
    static double[] numericGradient(Objective f, double[] x) {
        double[] g = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double h = 1e-6 * Math.max(1, Math.abs(x[k]));
            double[] p = x.clone();
            double[] m = x.clone();
            p[k] += h;
            m[k] -= h;
            g[k] = (f.value(p) - f.value(m)) / (2 * h);
        }
        return g;
    }

    /** Central differences of f.gradient along v. */
    static double[] numericHessianVector(Objective f, double[] x, double[] v) {
        double h = 1e-6;
        double[] p = x.clone();
        double[] m = x.clone();
        for (int k = 0; k < x.length; k++) {
            p[k] += h * v[k];
            m[k] -= h * v[k];
        }
        double[] gp = new double[x.length];
        double[] gm = new double[x.length];
        f.gradient(p, gp);
        f.gradient(m, gm);
        double[] hv = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            hv[k] = (gp[k] - gm[k]) / (2 * h);
        }
        return hv;
    }

    /** Gradient, HVP and Hessian against finite differences, and against each other. */
    static void agreesWithFiniteDifferences(Objective f, double[] x, double[] v) {
        int n = x.length;
        double[] g = new double[n];
        double fx = f.gradient(x, g);
        assertClose(f.value(x), fx, 0, "gradient returns the value");
        assertClose(numericGradient(f, x), g, 1e-6, "gradient vs finite differences");
        double[] hv = new double[n];
        f.hessianVector(x, v, hv);
        assertClose(numericHessianVector(f, x, v), hv, 1e-5, "Hv vs finite differences");
        double[] g2 = new double[n];
        double[] hv2 = new double[n];
        double fx2 = f.gradientAndHessianVector(x, v, g2, hv2);
        assertClose(fx, fx2, 1e-14, "gradientAndHessianVector value");
        assertClose(g, g2, 1e-13, "gradientAndHessianVector g");
        assertClose(hv, hv2, 1e-13, "gradientAndHessianVector hv");
        double[] h = new double[n * n];
        f.hessian(x, h);
        assertClose(hv, times(h, v), 1e-12, "H v vs hessianVector");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertClose(h[i * n + j], h[j * n + i], 1e-12, "symmetry of H at " + i + "," + j);
            }
        }
    }

    /**
     * Value, gradient, Hv and Hessian of the generated class against a tape recording, to 1e-12
     * relative to the largest entry of each (entries are sums whose order differs).
     */
    static void agreesWithTape(Objective generated, Objective tape, double[] x, double[] v) {
        int n = x.length;
        assertClose(tape.value(x), generated.value(x), 1e-12, "value vs tape");
        double[] g = new double[n];
        double[] gt = new double[n];
        generated.gradient(x, g);
        tape.gradient(x, gt);
        assertScaled(gt, g, "gradient vs tape");
        double[] hv = new double[n];
        double[] hvt = new double[n];
        generated.hessianVector(x, v, hv);
        tape.hessianVector(x, v, hvt);
        assertScaled(hvt, hv, "Hv vs tape");
        double[] h = new double[n * n];
        double[] ht = new double[n * n];
        generated.hessian(x, h);
        tape.hessian(x, ht);
        assertScaled(ht, h, "Hessian vs tape");
    }

    private static void assertScaled(double[] expected, double[] actual, String what) {
        double scale = 0;
        for (double e : expected) {
            scale = Math.max(scale, Math.abs(e));
        }
        assertClose(expected, actual, 1e-12 * Math.max(1, scale), what);
    }

    static double[] times(double[] h, double[] v) {
        int n = v.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += h[i * n + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }
}
