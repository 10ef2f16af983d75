package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** GradientCheck finds a wrong derivative and points at the wrong entry. */
class GradientCheckTest {

    /**
     * f(x) = sum_i (i + 1) x_i^2 + x_0 x_1, written by hand, with an optional deliberate error
     * {@code gradientError} added to gradient entry {@code wrong} (and to Hv / H row {@code wrong}).
     */
    private static Objective quadratic(int wrong, double error) {
        return new Objective() {
            @Override
            public double value(double[] x) {
                double s = x[0] * x[1];
                for (int i = 0; i < x.length; i++) s += (i + 1) * x[i] * x[i];
                return s;
            }

            @Override
            public double gradient(double[] x, double[] g) {
                for (int i = 0; i < x.length; i++) g[i] = 2 * (i + 1) * x[i];
                g[0] += x[1];
                g[1] += x[0];
                if (wrong >= 0) g[wrong] += error;
                return value(x);
            }

            @Override
            public void hessianVector(double[] x, double[] v, double[] hv) {
                for (int i = 0; i < x.length; i++) hv[i] = 2 * (i + 1) * v[i];
                hv[0] += v[1];
                hv[1] += v[0];
                if (wrong >= 0) hv[wrong] += error;
            }

            @Override
            public void hessian(double[] x, double[] h) {
                int n = x.length;
                java.util.Arrays.fill(h, 0);
                for (int i = 0; i < n; i++) h[i * n + i] = 2 * (i + 1);
                h[1] = 1;
                h[n] = 1;
                if (wrong >= 0) h[wrong * n + wrong] += error;
            }
        };
    }

    private static final double[] X = {0.5, -1.0, 2.0, 0.25};
    private static final double[] V = {1, -0.5, 0.25, 2};

    @Test
    void correctGradientPasses() {
        GradientCheck.Report r = GradientCheck.gradient(quadratic(-1, 0), X);
        assertTrue(r.passes(1e-8, 1e-10), r.toString());
    }

    @Test
    void wrongGradientFailsAtTheWrongEntry() {
        GradientCheck.Report r = GradientCheck.gradient(quadratic(2, 1e-3), X);
        assertFalse(r.passes(1e-6, 1e-8), r.toString());
        assertEquals(2, r.worstIndex());
        assertEquals(12 + 1e-3, r.computed(), 1e-12);
        assertEquals(12, r.finiteDifference(), 1e-7);
        assertEquals(1e-3, r.absoluteError(), 1e-7);
    }

    @Test
    void wrongHessianVectorProductFailsAtTheWrongEntry() {
        GradientCheck.Report r = GradientCheck.hessianVector(quadratic(3, 0.5), X, V);
        assertFalse(r.passes(1e-6, 1e-8), r.toString());
        assertEquals(3, r.worstIndex());
    }

    @Test
    void wrongHessianFailsAtTheWrongRowMajorEntry() {
        // The error sits in the Hessian only: the finite differences of the (correct) gradient expose it.
        Objective base = quadratic(-1, 0);
        Objective wrongHessian = new Objective() {
            public double value(double[] x) { return base.value(x); }
            public double gradient(double[] x, double[] g) { return base.gradient(x, g); }
            public void hessianVector(double[] x, double[] v, double[] hv) { base.hessianVector(x, v, hv); }
            public void hessian(double[] x, double[] h) {
                base.hessian(x, h);
                h[1 * 4 + 2] += 0.01;
            }
        };
        GradientCheck.Report r = GradientCheck.hessian(wrongHessian, X);
        assertFalse(r.passes(1e-6, 1e-8), r.toString());
        assertEquals(1 * 4 + 2, r.worstIndex());
    }

    @Test
    void reportNamesTheWorstEntry() {
        String s = GradientCheck.gradient(quadratic(1, 0.25), X).toString();
        assertTrue(s.contains("gradient") && s.contains("worst entry 1"), s);
    }

    @Test
    void nanInTheGradientIsTheWorstEntryAndFails() {
        GradientCheck.Report r = GradientCheck.gradient(quadratic(3, Double.NaN), X);
        assertEquals(3, r.worstIndex());
        assertFalse(r.passes(1, 1), r.toString());
    }

    @Test
    void smallEntryWithALargeRelativeErrorIsNotHiddenByALargeEntry() {
        Objective f = new Objective() {
            // f = 500 x0^2 + 1e-3 x1 at x = (1, 0): g = (1000, 1e-3); the second entry is reported as 2e-3.
            public double value(double[] x) { return 500 * x[0] * x[0] + 1e-3 * x[1]; }
            public double gradient(double[] x, double[] g) {
                g[0] = 1000 * x[0] + 1e-2;
                g[1] = 2e-3;
                return value(x);
            }
            public void hessianVector(double[] x, double[] v, double[] hv) { throw new UnsupportedOperationException(); }
            public void hessian(double[] x, double[] h) { throw new UnsupportedOperationException(); }
        };
        GradientCheck.Report r = GradientCheck.gradient(f, new double[] {1, 0});
        assertFalse(r.passes(1e-4, 1e-8), r.toString());
    }

    @Test
    void checkOfNoEntriesPassesAndSaysSo() {
        Tape tape = new Tape();
        GradientCheck.Report r = GradientCheck.gradient(tape.finish(tape.constant(1)), new double[0]);
        assertTrue(r.passes(0, 0));
        assertEquals(-1, r.worstIndex());
        assertEquals("gradient: no entries to compare (n = 0)", r.toString());
    }

    @Test
    void exactZeroAgainstAFiniteDifferenceAtRoundOffLevelIsASmallRelativeError() {
        // f = 1 + x0^2 at x0 = 0: the gradient is exactly 0; pretend the difference quotient gave 1e-10.
        GradientCheck.Report r = new GradientCheck.Report("gradient", new double[] {0}, new double[] {1e-10}, 1.0);
        // The floor is cbrt(eps) * 1 = 6.1e-6: the relative error is 1e-10 / 6.1e-6 = 1.6e-5, not 1.
        assertEquals(1e-10 / Math.cbrt(Math.ulp(1.0)), r.relativeError(), 1e-20);
        assertTrue(r.passes(1e-4, 0), r.toString());
    }

    @Test
    void gradientCheckFloorsTheRelativeErrorAtTheScaleOfF() {
        // f = 4 + x0^2 + 1e-12 x1 at (0, 0): entry 1 is 1e-12 and its difference quotient is noise of order 1e-11.
        Recording f = Recordings.scalar(x -> x[0].square().plus(x[1].times(1e-12)).plus(4), 0.0, 0.0);
        GradientCheck.Report r = GradientCheck.gradient(f, new double[] {0, 0});
        assertEquals(4 * Math.cbrt(Math.ulp(1.0)), r.floor(), 1e-20);
        assertTrue(r.passes(1e-4, 0), r.toString());
    }
}
