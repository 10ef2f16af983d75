package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.workloads.ExtendedRosenbrock;
import dev.wengert.ad.workloads.ThomsonEnergy;
import dev.wengert.ad.workloads.ThomsonWorkload;
import org.junit.jupiter.api.Test;

/** The hand-written test objectives agree with finite differences, so the optimiser tests can trust them. */
class TestObjectivesTest {

    private static void checkAgainstFiniteDifferences(Objective f, double[] x) {
        int n = x.length;
        double[] g = new double[n];
        f.gradient(x, g);
        double[] fdG = FiniteDifferences.gradient(f, x, 1e-6);
        double scale = 1.0 + Vectors.norm(g);
        assertTrue(FiniteDifferences.maxAbsDifference(g, fdG) < 1e-6 * scale, "gradient");

        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = Math.sin(0.37 * i + 0.1);
        }
        double[] hv = new double[n];
        f.hessianVector(x, v, hv);
        double[] fdHv = FiniteDifferences.hessianVector(f, x, v, 1e-6);
        assertTrue(FiniteDifferences.maxAbsDifference(hv, fdHv) < 1e-5 * (1.0 + Vectors.norm(hv)), "HVP");

        double[] h = new double[n * n];
        f.hessian(x, h);
        double[] hTimesV = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                hTimesV[i] += h[i * n + j] * v[j];
            }
        }
        assertTrue(FiniteDifferences.maxAbsDifference(hv, hTimesV) < 1e-12 * (1.0 + Vectors.norm(hv)), "Hessian");
    }

    @Test
    void rosenbrockDerivativesMatchFiniteDifferences() {
        checkAgainstFiniteDifferences(new ExtendedRosenbrock(6), new double[] {-1.2, 1.0, 0.3, -0.7, 2.0, 1.5});
    }

    @Test
    void thomsonDerivativesMatchFiniteDifferences() {
        checkAgainstFiniteDifferences(new ThomsonEnergy(7), ThomsonWorkload.randomStart(7, 3));
    }

    @Test
    void quadraticDerivativesMatchFiniteDifferences() {
        checkAgainstFiniteDifferences(Quadratic.seed(), new double[] {1.5, -1.2});
    }
}
