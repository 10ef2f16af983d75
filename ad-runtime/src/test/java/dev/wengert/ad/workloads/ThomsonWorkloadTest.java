package dev.wengert.ad.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.ad.Derivatives;
import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The analytic baselines agree with the tape, so the ratios compare equal work. */
class ThomsonWorkloadTest {

    // Both sides sum the same O(N^2) terms in different orders: a few ulps of the largest partial sums.
    private static final double TOLERANCE = 1e-12;

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100, 1000})
    void plainValueMatchesTape(int n) {
        double[] x = ThomsonWorkload.points(n);
        Recording r = Tape.record(ThomsonWorkload::energy, x);
        double e = r.value(x);
        assertEquals(e, ThomsonWorkload.value(x), TOLERANCE * e);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100, 1000})
    void analyticGradientMatchesTape(int n) {
        double[] x = ThomsonWorkload.points(n);
        Recording r = Tape.record(ThomsonWorkload::energy, x);
        double[] expected = new double[x.length];
        double e = r.gradient(x, expected);
        double[] g = new double[x.length];
        g[0] = 42; // the analytic code must overwrite, not accumulate into, its output
        assertEquals(e, ThomsonWorkload.gradient(x, g), TOLERANCE * e);
        Agreement.assertClose(expected, g, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100, 1000})
    void oneCallGradientIsTheRecordingsToTheBitAndTheAnalyticOne(int n) {
        double[] x = ThomsonWorkload.points(n);
        double[] expected = new double[x.length];
        double e = Tape.record(ThomsonWorkload::energy, x).gradient(x, expected);
        double[] g = new double[x.length];
        g[0] = 42; // overwritten, not accumulated into
        for (int call = 0; call < 2; call++) {   // the second call records into the arrays the first left behind
            assertEquals(e, Derivatives.gradient(ThomsonWorkload::energy, x, g), 0);
            assertArrayEquals(expected, g);
        }
        double[] analytic = new double[x.length];
        ThomsonWorkload.gradient(x, analytic);
        Agreement.assertClose(analytic, g, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100, 1000})
    void analyticHessianVectorMatchesTape(int n) {
        double[] x = ThomsonWorkload.points(n);
        double[] v = ThomsonWorkload.direction(x.length);
        Recording r = Tape.record(ThomsonWorkload::energy, x);
        double[] expected = new double[x.length];
        r.hessianVector(x, v, expected);
        double[] hv = new double[x.length];
        hv[0] = 42;
        ThomsonWorkload.hessianVector(x, v, hv);
        Agreement.assertClose(expected, hv, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100})
    void analyticHessianMatchesTape(int n) {
        double[] x = ThomsonWorkload.points(n);
        Recording r = Tape.record(ThomsonWorkload::energy, x);
        double[] expected = new double[x.length * x.length];
        r.hessian(x, expected, 1);
        double[] h = new double[expected.length];
        java.util.Arrays.fill(h, 42); // every entry must be written
        ThomsonWorkload.hessian(x, h);
        Agreement.assertClose(expected, h, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 100})
    void analyticHessianTimesDirectionIsAnalyticHessianVector(int n) {
        double[] x = ThomsonWorkload.points(n);
        double[] v = ThomsonWorkload.direction(x.length);
        int dim = x.length;
        double[] h = new double[dim * dim];
        ThomsonWorkload.hessian(x, h);
        double[] hTimesV = new double[dim];
        for (int i = 0; i < dim; i++) {
            double s = 0;
            for (int j = 0; j < dim; j++) s += h[i * dim + j] * v[j];
            hTimesV[i] = s;
        }
        double[] hv = new double[dim];
        ThomsonWorkload.hessianVector(x, v, hv);
        Agreement.assertClose(hTimesV, hv, TOLERANCE);
    }
}
