package dev.wengert.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wengert.ad.Objective;
import dev.wengert.ad.workloads.Agreement;
import dev.wengert.ad.workloads.RosenbrockWorkload;
import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated derivative classes agree with the analytic code, so the Generated benchmarks measure the same work. */
class GeneratedWorkloadsTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100})
    void generatedThomsonMatchesAnalytic(int points) {
        Objective f = GeneratedWorkloads.thomson();
        double[] x = ThomsonWorkload.points(points);
        double[] v = ThomsonWorkload.direction(x.length);
        double[] g0 = new double[x.length], g = new double[x.length];
        double e = ThomsonWorkload.gradient(x, g0);
        assertEquals(e, f.value(x), 1e-12 * e);
        assertEquals(e, f.gradient(x, g), 1e-12 * e);
        Agreement.assertClose(g0, g, 1e-12);
        double[] hv0 = new double[x.length], hv = new double[x.length];
        ThomsonWorkload.hessianVector(x, v, hv0);
        f.hessianVector(x, v, hv);
        Agreement.assertClose(hv0, hv, 1e-12);
        double[] h0 = new double[x.length * x.length], h = new double[x.length * x.length];
        ThomsonWorkload.hessian(x, h0);
        f.hessian(x, h);
        Agreement.assertClose(h0, h, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 12, 100})
    void generatedRosenbrockMatchesAnalytic(int n) {
        Objective f = GeneratedWorkloads.rosenbrock();
        double[] x = RosenbrockWorkload.perturbedStart(n);
        double[] v = RosenbrockWorkload.direction(n);
        double[] g0 = new double[n], g = new double[n];
        double value = RosenbrockWorkload.gradient(x, g0);
        assertEquals(value, f.value(x), 1e-12 * value);
        assertEquals(value, f.gradient(x, g), 1e-12 * value);
        Agreement.assertClose(g0, g, 1e-12);
        double[] hv0 = new double[n], hv = new double[n];
        RosenbrockWorkload.hessianVector(x, v, hv0);
        f.hessianVector(x, v, hv);
        Agreement.assertClose(hv0, hv, 1e-12);
        double[] h0 = new double[n * n], h = new double[n * n];
        RosenbrockWorkload.hessian(x, h0);
        f.hessian(x, h);
        Agreement.assertClose(h0, h, 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 12, 400})
    void generatedPaddedGridMatchesAnalyticAndTheGridWithBoundaryTests(int n) {
        PaddedGridWorkload w = new PaddedGridWorkload(n);
        Objective f = GeneratedWorkloads.paddedGrid(n);
        double[] x = dev.wengert.ad.workloads.GridWorkload.start(n);
        double[] v = new double[n];
        for (int k = 0; k < n; k++) {
            v[k] = Math.sin(0.37 * k + 0.1);
        }
        double[] g0 = new double[n], g = new double[n];
        double e = w.gradient(x, g0);
        assertEquals(dev.wengert.ad.workloads.GridWorkload.energy(x), e, 1e-12 * e);
        assertEquals(e, w.value(x), 1e-12 * e);
        assertEquals(e, f.gradient(x, g), 1e-12 * e);
        Agreement.assertClose(g0, g, 1e-12);
        double[] hv0 = new double[n], hv = new double[n];
        w.hessianVector(x, v, hv0);
        f.hessianVector(x, v, hv);
        Agreement.assertClose(hv0, hv, 1e-12);
    }
}
