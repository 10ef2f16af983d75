package dev.wengert.ad.workloads;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.wengert.ad.Recording;
import dev.wengert.ad.Tape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The analytic Rosenbrock baselines agree with the tape and with the closed form, so the ratios compare equal work. */
class RosenbrockWorkloadTest {

    private static final double TOLERANCE = 1e-12;

    @Test
    void valueAtTheClassicStartIsTwentyFourPointTwoPerPair() {
        // 100 (1 - 1.44)^2 + (2.2)^2 = 19.36 + 4.84 = 24.2, the textbook f(x0) of the 2-D function.
        assertEquals(24.2, RosenbrockWorkload.value(RosenbrockWorkload.start(2)), 1e-13);
        assertEquals(500 * 24.2, RosenbrockWorkload.value(RosenbrockWorkload.start(1000)), 1e-9);
    }

    @Test
    void minimumIsZeroAtOnesWithZeroGradient() {
        double[] ones = new double[10];
        Arrays.fill(ones, 1.0);
        double[] g = new double[10];
        assertEquals(0.0, RosenbrockWorkload.gradient(ones, g));
        assertArrayEquals(new double[10], g, 0.0); // -0.0 allowed
    }

    @Test
    void oddSizeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> RosenbrockWorkload.start(7));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 1000, 100000})
    void valueAndGradientMatchTape(int n) {
        double[] x = RosenbrockWorkload.perturbedStart(n);
        Recording r = Tape.record(RosenbrockWorkload::energy, x);
        double[] expected = new double[n];
        double f = r.gradient(x, expected);
        double[] g = new double[n];
        Arrays.fill(g, 42); // the analytic code must overwrite every entry
        assertEquals(f, RosenbrockWorkload.gradient(x, g), TOLERANCE * f);
        assertEquals(f, RosenbrockWorkload.value(x), TOLERANCE * f);
        Agreement.assertClose(expected, g, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 1000, 100000})
    void hessianVectorMatchesTape(int n) {
        double[] x = RosenbrockWorkload.perturbedStart(n);
        double[] v = RosenbrockWorkload.direction(n);
        Recording r = Tape.record(RosenbrockWorkload::energy, x);
        double[] expected = new double[n];
        r.hessianVector(x, v, expected);
        double[] hv = new double[n];
        Arrays.fill(hv, 42);
        RosenbrockWorkload.hessianVector(x, v, hv);
        Agreement.assertClose(expected, hv, TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100})
    void denseHessianMatchesTape(int n) {
        double[] x = RosenbrockWorkload.perturbedStart(n);
        Recording r = Tape.record(RosenbrockWorkload::energy, x);
        double[] expected = new double[n * n];
        r.hessian(x, expected, 1);
        double[] h = new double[n * n];
        Arrays.fill(h, 42); // every entry must be written, the zeros too
        RosenbrockWorkload.hessian(x, h);
        Agreement.assertClose(expected, h, TOLERANCE);
    }

    @Test
    void hessianBlockAtTheStartIsTheClosedForm() {
        double[] h = new double[4];
        RosenbrockWorkload.hessian(RosenbrockWorkload.start(2), h);
        // a = -1.2, b = 1: 1200 * 1.44 - 400 + 2 = 1330, -400 a = 480.
        assertArrayEquals(new double[] {1330, 480, 480, 200}, h, 1e-10);
    }
}
