package dev.wengert.ad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.workloads.ThomsonReference;
import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Thomson workload on the tape against the closed forms and the reference values. */
class ThomsonEnergyTest {

    // Relative agreement with the closed forms: both sides sum the same O(N^2) terms in a
    // different order, so they agree to a few ulps of the largest partial sums.
    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100})
    void gradientMatchesClosedForm(int n) {
        double[] x = ThomsonWorkload.points(n);
        Recording r = Tape.record(ThomsonWorkload::energy, x);
        double[] g = new double[x.length];
        r.gradient(x, g);
        double[] expected = new double[x.length];
        ThomsonWorkload.gradient(x, expected);
        assertClose(expected, g);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100})
    void hessianVectorMatchesClosedForm(int n) {
        double[] x = ThomsonWorkload.points(n);
        double[] v = ThomsonWorkload.direction(x.length);
        Recording r = Tape.record(ThomsonWorkload::energy, x);
        double[] hv = new double[x.length];
        r.hessianVector(x, v, hv);
        assertClose(times(closedFormHessian(x), v), hv);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100})
    void denseHessianMatchesClosedFormAndIsSymmetric(int n) {
        double[] x = ThomsonWorkload.points(n);
        Recording r = Tape.record(ThomsonWorkload::energy, x);
        int dim = x.length;
        double[] h = new double[dim * dim];
        r.hessian(x, h);
        assertClose(closedFormHessian(x), h);
        double scale = maxAbs(h);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(h[i * dim + j], h[j * dim + i], 1e-14 * scale, "symmetry at " + i + "," + j);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100, 1000})
    void matchesSharedReferenceValues(int n) {
        ThomsonReference.Row row = ThomsonReference.workload(n);
        double[] ref = {row.energy(), row.gradientNorm(), row.gradientDotV(), row.vHv(), row.hvNorm()};
        double[] x = ThomsonWorkload.points(n);
        double[] v = ThomsonWorkload.direction(x.length);
        Recording r = Tape.record(ThomsonWorkload::energy, x);
        double[] g = new double[x.length];
        double[] hv = new double[x.length];
        double e = r.gradientAndHessianVector(x, v, g, hv);
        double normV = Math.sqrt(dot(v, v));
        double normG = Math.sqrt(dot(g, g));
        double normHv = Math.sqrt(dot(hv, hv));
        assertEquals(ref[0], e, 1e-12 * ref[0], "E");
        assertEquals(ref[1], normG, 1e-12 * ref[1], "|g|");
        assertEquals(ref[2], dot(g, v), 1e-12 * ref[1] * normV, "g.v");
        assertEquals(ref[3], dot(v, hv), 1e-12 * ref[4] * normV, "v.Hv");
        assertEquals(ref[4], normHv, 1e-12 * ref[4], "|Hv|");
    }

    private static double[] closedFormHessian(double[] x) {
        double[] h = new double[x.length * x.length];
        ThomsonWorkload.hessian(x, h);
        return h;
    }

    private static double[] times(double[] h, double[] v) {
        int n = v.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) s += h[i * n + j] * v[j];
            out[i] = s;
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double x : a) m = Math.max(m, Math.abs(x));
        return m;
    }

    private static void assertClose(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        double scale = maxAbs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertTrue(Math.abs(expected[i] - actual[i]) <= TOLERANCE * scale,
                    "entry " + i + ": expected " + expected[i] + " got " + actual[i]);
        }
    }
}
