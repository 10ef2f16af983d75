package dev.wengert.ad.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wengert.ad.Objective;
import dev.wengert.ad.workloads.ExtendedRosenbrock;
import dev.wengert.ad.workloads.ThomsonEnergy;
import org.junit.jupiter.api.Test;

class HistoryAndStoppingTest {

    @Test
    void iterationLimitIsHonoured() {
        OptimizationHistory h = new GradientDescent().withStopping(StoppingCriteria.gradientBelow(0.0).withMaxIterations(3))
                .minimize(new ExtendedRosenbrock(2), new double[] {-1.2, 1.0});
        assertEquals(3, h.iterationCount());
        assertEquals(StopReason.MAX_ITERATIONS, h.stopReason());
    }

    @Test
    void functionToleranceStopsAStalledRun() {
        OptimizationHistory h = new GradientDescent()
                .withStopping(StoppingCriteria.gradientBelow(0.0).withFunctionTolerance(1e-3).withMaxIterations(10_000))
                .minimize(new ExtendedRosenbrock(2), new double[] {-1.2, 1.0});
        assertEquals(StopReason.FUNCTION_TOLERANCE, h.stopReason());
    }

    @Test
    void historyCannotBeChangedThroughItsArrays() {
        OptimizationHistory h = new Lbfgs().minimize(Quadratic.seed(), new double[] {2.5, -2.0});
        h.solution()[0] = 99.0;
        h.last().x()[0] = 99.0;
        assertEquals(1.0, h.solution()[0], 1e-8);
        assertThrows(UnsupportedOperationException.class, () -> h.iterations().clear());
    }

    @Test
    void evaluationCountsAreCumulative() {
        OptimizationHistory h = new Lbfgs().minimize(new ExtendedRosenbrock(2), new double[] {-1.2, 1.0});
        for (int i = 1; i < h.iterations().size(); i++) {
            assertTrue(h.iterations().get(i).gradientEvaluations() > h.iterations().get(i - 1).gradientEvaluations());
        }
    }

    @Test
    void nonFiniteObjectiveAtTheStartIsReported() {
        Objective nan = new Objective() {
            public double value(double[] x) { return Double.NaN; }
            public double gradient(double[] x, double[] g) { g[0] = 0; return Double.NaN; }
            public void hessianVector(double[] x, double[] v, double[] hv) { hv[0] = 0; }
            public void hessian(double[] x, double[] h) { h[0] = 0; }
        };
        assertThrows(NonFiniteObjectiveException.class, () -> new Lbfgs().minimize(nan, new double[] {1.0}));
    }

    @Test
    void invalidTolerancesAreRejectedWithTheirName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoppingCriteria.gradientBelow(-1.0));
        assertTrue(e.getMessage().contains("gradientTolerance"));
        assertThrows(IllegalArgumentException.class, () -> StoppingCriteria.defaults().withMaxIterations(0));
    }

    @Test
    void startingPointOfTheWrongDimensionForTheManifoldIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Lbfgs().onManifold(ProductOfSpheres.of(3, 3)).minimize(new ThomsonEnergy(3), new double[8]));
        assertTrue(e.getMessage().contains("length 8"), e.getMessage());
    }
}
